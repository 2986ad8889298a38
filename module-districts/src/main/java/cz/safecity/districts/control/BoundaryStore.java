package cz.safecity.districts.control;

import cz.safecity.districts.entity.BoundaryRef;
import cz.safecity.districts.entity.BoundaryVersion;
import cz.safecity.districts.entity.BoundaryWarning;
import cz.safecity.districts.entity.District;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;

/**
 * Boundary versions and their districts ({@code districts_boundary_version}, {@code districts_district}) of the
 * current city. Versions are only ever added, never changed. Every access goes through {@link TenantContext#bind}.
 */
@ApplicationScoped
@Transactional
public class BoundaryStore {

    /**
     * A district to store in a new version.
     *
     * @param geometry (Multi)Polygon, WGS84 lon/lat
     * @param areaM2   its area, m²
     */
    public record NewDistrict(String code, String name, String boroughCode, Geometry geometry, double areaM2) {
    }

    /**
     * A new version to store.
     *
     * @param validFrom   first day in force (city zone)
     * @param source      {@link BoundaryVersion#IMPORT} or {@link BoundaryVersion#PROVISIONAL}
     * @param mapping     JSON object text: mapping or generation parameters
     * @param newBoroughs names of boroughs to create when missing (code → name)
     * @param action      audit action, e.g. {@code districts.boundaries.imported}
     */
    public record NewVersion(LocalDate validFrom, boolean provisional, String source, String mapping,
                             List<NewDistrict> districts, List<BoundaryWarning> warnings,
                             Map<String, String> newBoroughs, String action) {
    }

    /** What was stored. */
    public record Stored(BoundaryVersion version, List<String> createdBoroughs) {
    }

    @PersistenceContext(unitName = "districts")
    EntityManager em;
    @Inject
    TenantContext tenant;
    @Inject
    HierarchyStore hierarchy;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    DistrictsCache cached;

    private EntityManager em() {
        return tenant.bind(em);
    }

    /** All versions of the city (oldest first) — a few rows, cheap enough to read on every locate. */
    public List<BoundaryRef> versions() {
        return em().createQuery("select new cz.safecity.districts.entity.BoundaryRef(v.id, v.number, v.validFrom, "
                        + "v.provisional, v.source) from BoundaryVersion v order by v.validFrom, v.id",
                BoundaryRef.class)
                .getResultList();
    }

    /** Versions with their details, newest first. */
    public List<BoundaryVersion> versionDetails() {
        return em().createQuery("select v from BoundaryVersion v order by v.validFrom desc, v.id desc",
                BoundaryVersion.class).getResultList();
    }

    public Optional<BoundaryVersion> version(int number) {
        return em().createQuery("select v from BoundaryVersion v where v.number = :n", BoundaryVersion.class)
                .setParameter("n", number).getResultStream().findFirst();
    }

    /** The districts of a version, by code. */
    public List<District> districts(long versionId) {
        return em().createQuery("select d from District d where d.versionId = :v order by d.code", District.class)
                .setParameter("v", versionId).getResultList();
    }

    /** One district of a version. */
    public Optional<District> district(long versionId, String code) {
        return em().createQuery("select d from District d where d.versionId = :v and d.code = :c", District.class)
                .setParameter("v", versionId).setParameter("c", code).getResultStream().findFirst();
    }

    /**
     * What to throw when {@link #create} failed: two versions stored at the same moment get the same number (unique
     * per city, PostgreSQL SQLState 23505), which is a 409 to retry, not a 500; anything else as it was.
     */
    public static RuntimeException conflictIfConcurrent(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return ProblemException.conflict("Another boundary version of this city was stored at the same "
                        + "moment; retry.", null);
            }
        }
        return e;
    }

    /**
     * Stores a new version with its districts (creating missing boroughs) and records the audit entry, in one
     * transaction. The city's cached version list is forgotten ({@link DistrictsCache#boundariesChanged}).
     */
    public Stored create(NewVersion draft) {
        EntityManager em = em();
        Set<String> boroughCodes = new TreeSet<>();
        draft.districts().stream().map(NewDistrict::boroughCode).filter(c -> c != null).forEach(boroughCodes::add);
        List<String> created = new ArrayList<>();
        Map<String, Long> boroughIds = hierarchy.ensure(boroughCodes,
                code -> draft.newBoroughs().getOrDefault(code, code), created);
        Integer last = em.createQuery("select max(v.number) from BoundaryVersion v", Integer.class).getSingleResult();
        JsonArrayBuilder warnings = Json.createArrayBuilder();
        for (BoundaryWarning w : draft.warnings()) {
            JsonArrayBuilder codes = Json.createArrayBuilder();
            w.codes().forEach(codes::add);
            warnings.add(Json.createObjectBuilder().add("kind", w.kind()).add("codes", codes)
                    .add("areaM2", w.areaM2()).add("lon", w.lon()).add("lat", w.lat()));
        }
        BoundaryVersion v = new BoundaryVersion(last == null ? 1 : last + 1, draft.validFrom(), draft.provisional(),
                draft.source(), draft.mapping(), draft.districts().size(), warnings.build().toString(), Instant.now(),
                caller.personId());
        em.persist(v);
        em.flush();
        cached.boundariesChanged();
        for (NewDistrict d : draft.districts()) {
            em.persist(new District(v.id(), d.code(), d.name(),
                    d.boroughCode() == null ? null : boroughIds.get(d.boroughCode()), draft.provisional(),
                    d.geometry(), d.areaM2()));
        }
        audit.record(draft.action(), "boundary-version", v.number(), draft.districts().size() + " districts valid from "
                + draft.validFrom() + (draft.provisional() ? " (provisional)" : ""));
        return new Stored(v, created);
    }
}
