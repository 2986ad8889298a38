package cz.safecity.districts.control;

import cz.safecity.districts.entity.Outline;
import cz.safecity.districts.entity.Wkb;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.config.QueryHints;
import org.locationtech.jts.geom.Geometry;

/**
 * Municipal outlines ({@code districts_outline}). Reads and writes of the current city go through
 * {@link TenantContext#bind}. {@link #containingAcrossCities} is the module's only read that crosses cities: the
 * regional {@code GET /api/locate} has no city yet and must find it by outline. They are native queries returning
 * only city slug, outline id and geometry; EclipseLink refuses native SQL in a unit with multitenant entities unless
 * a query opts in with the hint {@link QueryHints#ALLOW_NATIVE_SQL_QUERY}, so these two queries are the only ones of
 * the module that can cross cities, and they are easy to find. Whatever is read next about the city found goes
 * through its tenant context again.
 */
@ApplicationScoped
@Transactional
public class OutlineStore {

    /**
     * An outline of some city.
     *
     * @param city   tenant slug
     * @param id     outline id (a new id for every upload, so it can key caches)
     * @param areaM2 outline area, m²
     */
    public record CityOutline(String city, long id, double areaM2) {
    }

    @PersistenceContext(unitName = "districts")
    EntityManager em;
    @Inject
    TenantContext tenant;

    /** The current city's outline. */
    public Optional<Outline> outline() {
        return tenant.bind(em).createQuery("select o from Outline o", Outline.class).getResultStream().findFirst();
    }

    /** Replaces the current city's outline (a new row and id). */
    public Outline replace(Geometry geometry, double areaM2, String source, String actor) {
        EntityManager em = tenant.bind(this.em);
        em.createQuery("select o from Outline o", Outline.class).getResultList().forEach(em::remove);
        em.flush();
        Outline o = new Outline(geometry, areaM2, source, Instant.now(), actor);
        em.persist(o);
        return o;
    }

    /**
     * Outlines of all cities whose bounding box contains (lon, lat), ordered by city slug. Crosses tenants on
     * purpose (see the class comment); the caller checks the exact geometry ({@link #geometryAcrossCities}).
     */
    public List<CityOutline> containingAcrossCities(double lon, double lat) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select tenant_id, id, area_m2 from districts_outline "
                        + "where min_lon <= ?1 and max_lon >= ?1 and min_lat <= ?2 and max_lat >= ?2 "
                        + "order by tenant_id")
                .setParameter(1, lon).setParameter(2, lat).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true)
                .getResultList();
        List<CityOutline> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new CityOutline((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).doubleValue()));
        }
        return out;
    }

    /** The geometry of outline {@code id} (any city; see {@link #containingAcrossCities}), if it still exists. */
    public Optional<Geometry> geometryAcrossCities(long id) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em.createNativeQuery("select geometry_wkb from districts_outline where id = ?1")
                .setParameter(1, id).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true).getResultList();
        return rows.stream().findFirst().map(Wkb::read);
    }
}
