package cz.safecity.districts.control;

import cz.safecity.districts.entity.RiskPlace;
import cz.safecity.districts.entity.RiskPlaceView;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Risk places of the current city ({@code districts_risk_place}). Staff of the city record and update them; every
 * change is audited ({@code districts.risk-place.created|updated|deleted}, object type {@code risk-place}). Another
 * city's id answers 404.
 */
@ApplicationScoped
@Transactional
public class RiskPlaces {

    @PersistenceContext(unitName = "districts")
    EntityManager em;
    @Inject
    TenantContext tenant;
    @Inject
    DistrictCodes districts;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;

    /**
     * Lists risk places, newest report first.
     *
     * @param districtCode only this district, or null for the whole city
     * @param status       only this status ({@code open|measures-taken|resolved}), or null
     */
    public List<RiskPlace> list(String districtCode, String status) {
        StringBuilder q = new StringBuilder("select r from RiskPlace r where 1 = 1");
        if (districtCode != null) {
            q.append(" and r.districtCode = :code");
        }
        if (status != null) {
            q.append(" and r.status = :status");
        }
        q.append(" order by r.reportedOn desc, r.id desc");
        var query = tenant.bind(em).createQuery(q.toString(), RiskPlace.class);
        if (districtCode != null) {
            query.setParameter("code", districtCode);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getResultList();
    }

    /** @throws ProblemException 404 when there is no such risk place in this city */
    public RiskPlace require(long id) {
        return tenant.requireOwned(em, RiskPlace.class, id, "risk place");
    }

    /** @throws ProblemException 404 when the district is not in the current boundary version */
    public RiskPlace create(RiskPlace.Fields fields) {
        districts.requireCurrent(fields.districtCode());
        RiskPlace r = new RiskPlace(fields, Instant.now(), caller.personId(), caller.displayName());
        EntityManager m = tenant.bind(em);
        m.persist(r);
        m.flush();
        audit.record("districts.risk-place.created", "risk-place", r.id(), describe(r));
        return r;
    }

    /** Replaces every field; 404 for an unknown id or district. */
    public RiskPlace update(long id, RiskPlace.Fields fields) {
        RiskPlace r = require(id);
        districts.requireCurrent(fields.districtCode());
        String before = r.status();
        r.change(fields, Instant.now(), caller.personId(), caller.displayName());
        audit.record("districts.risk-place.updated", "risk-place", id, describe(r)
                + (before.equals(r.status()) ? "" : " (was " + before + ")"));
        return r;
    }

    /** Deletes a risk place recorded by mistake; 404 for an unknown id. */
    public void delete(long id) {
        RiskPlace r = require(id);
        tenant.bind(em).remove(r);
        audit.record("districts.risk-place.deleted", "risk-place", id, describe(r));
    }

    /** The public view (GeoJSON geometry, display names, no person ids). */
    public static RiskPlaceView view(RiskPlace r) {
        return new RiskPlaceView(r.id(), r.districtCode(), RiskPlaceGeometry.toGeoJson(r.geometry()), r.areaM2(),
                r.kind(), r.description(), r.source(), r.status(), r.reportedOn(), r.resolvedOn(),
                r.createdByName(), r.createdAt(), r.updatedByName(), r.updatedAt());
    }

    private static String describe(RiskPlace r) {
        return r.kind() + " " + r.geometryType() + " in district " + r.districtCode() + ", source " + r.source()
                + ", status " + r.status();
    }
}
