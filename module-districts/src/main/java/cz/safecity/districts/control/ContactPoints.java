package cz.safecity.districts.control;

import cz.safecity.districts.entity.ContactPoint;
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
 * Police stations and info boxes of the current city ({@code districts_contact_point}). Changes are audited
 * ({@code districts.contact-point.created|updated|deleted}, object type {@code contact-point}) and forget the city's
 * cached card parts ({@link DistrictsCache#cardPartsChanged}). Another city's id answers 404.
 */
@ApplicationScoped
@Transactional
public class ContactPoints {

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
    @Inject
    DistrictsCache cached;

    /** Lists points, of one district when {@code districtCode} is given; ordered by kind order, name, id. */
    public List<ContactPoint> list(String districtCode) {
        String q = "select p from ContactPoint p" + (districtCode == null ? "" : " where p.districtCode = :code")
                + " order by p.name, p.id";
        var query = tenant.bind(em).createQuery(q, ContactPoint.class);
        if (districtCode != null) {
            query.setParameter("code", districtCode);
        }
        return query.getResultList().stream()
                .sorted(java.util.Comparator.comparingInt(p -> ContactPoint.KINDS.indexOf(p.kind()))).toList();
    }

    /** @throws ProblemException 404 when there is no such point in this city */
    public ContactPoint require(long id) {
        return tenant.requireOwned(em, ContactPoint.class, id, "contact point");
    }

    /** @throws ProblemException 404 when the district is not in the current boundary version */
    public ContactPoint create(ContactPoint.Fields fields) {
        districts.requireCurrent(fields.districtCode());
        ContactPoint p = new ContactPoint(fields, Instant.now(), caller.personId());
        EntityManager m = tenant.bind(em);
        m.persist(p);
        m.flush();
        cached.cardPartsChanged();
        audit.record("districts.contact-point.created", "contact-point", p.id(), describe(p));
        return p;
    }

    /** Replaces every field; 404 for an unknown id or district. */
    public ContactPoint update(long id, ContactPoint.Fields fields) {
        ContactPoint p = require(id);
        districts.requireCurrent(fields.districtCode());
        p.change(fields, Instant.now(), caller.personId());
        cached.cardPartsChanged();
        audit.record("districts.contact-point.updated", "contact-point", id, describe(p));
        return p;
    }

    /** Deletes a point (it is a place on a map, not an official act); 404 for an unknown id. */
    public void delete(long id) {
        ContactPoint p = require(id);
        tenant.bind(em).remove(p);
        cached.cardPartsChanged();
        audit.record("districts.contact-point.deleted", "contact-point", id, describe(p));
    }

    private static String describe(ContactPoint p) {
        return p.kind() + " '" + p.name() + "' in district " + p.districtCode() + " at " + p.lon() + "," + p.lat();
    }
}
