package cz.safecity.districts.control;

import cz.safecity.districts.entity.BoundaryVersion;
import cz.safecity.districts.entity.District;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Checks district codes for the people-and-places parts of the module (working groups, contact points,
 * recommendations, risk places), which refer to a district by its code — its identity across boundary versions.
 * Reads the current city's boundary versions ({@code districts_boundary_version}) and districts
 * ({@code districts_district}) through the tenant-bound entity manager; nothing is cached.
 */
@ApplicationScoped
@Transactional
public class DistrictCodes {

    @PersistenceContext(unitName = "districts")
    EntityManager em;
    @Inject
    TenantContext tenant;

    /** Today in the city's zone. */
    public LocalDate today() {
        return LocalDate.now(tenant.require().zone());
    }

    /**
     * The district with {@code code} in the boundary version in force on {@code day} (city zone): the version with the
     * latest {@code validFrom ≤ day}, of equal dates the later one (higher id).
     *
     * @throws ProblemException 404 when no version is in force that day or it has no district with that code
     */
    public District requireOn(String code, LocalDate day) {
        return findOn(code, day).orElseThrow(() -> ProblemException.notFound("district", code));
    }

    /** The district with {@code code} in the version in force today; 404 otherwise. */
    public District requireCurrent(String code) {
        return requireOn(code, today());
    }

    /** As {@link #requireOn}, empty instead of 404. */
    public Optional<District> findOn(String code, LocalDate day) {
        if (code == null) {
            return Optional.empty();
        }
        EntityManager m = tenant.bind(em);
        List<BoundaryVersion> version = m.createQuery("select v from BoundaryVersion v where v.validFrom <= :day "
                        + "order by v.validFrom desc, v.id desc", BoundaryVersion.class)
                .setParameter("day", day).setMaxResults(1).getResultList();
        if (version.isEmpty()) {
            return Optional.empty();
        }
        return m.createQuery("select d from District d where d.versionId = :v and d.code = :code", District.class)
                .setParameter("v", version.get(0).id()).setParameter("code", code).getResultList().stream()
                .findFirst();
    }

    /**
     * Whether any boundary version of the city (past, current or future) has a district with {@code code}: history
     * stays readable after a district was dropped from the boundaries.
     *
     * @throws ProblemException 404 when none has
     */
    public void requireEverKnown(String code) {
        Long n = tenant.bind(em).createQuery("select count(d) from District d where d.code = :code", Long.class)
                .setParameter("code", code).getSingleResult();
        if (n == 0) {
            throw ProblemException.notFound("district", code);
        }
    }
}
