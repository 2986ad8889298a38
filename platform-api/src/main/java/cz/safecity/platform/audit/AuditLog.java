package cz.safecity.platform.audit;

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
 * Records official actions in the current city, attributed to the current {@link Caller}. Joins the caller's
 * transaction, so an action and its audit record commit or roll back together.
 */
@ApplicationScoped
@Transactional
public class AuditLog {

    @PersistenceContext(unitName = "platform")
    EntityManager em;
    @Inject
    TenantContext tenant;
    @Inject
    Caller caller;

    /**
     * @param action     dotted verb, e.g. {@code districts.member.assigned}
     * @param objectType e.g. {@code district}
     * @param objectId   id of the object acted on
     * @param detail     short free text (may be null)
     */
    public AuditEntry record(String action, String objectType, Object objectId, String detail) {
        AuditEntry e = new AuditEntry(Instant.now(), caller.personId(), caller.displayName(),
                caller.roleIn(tenant.current().map(t -> t.id()).orElse(null)), action, objectType,
                String.valueOf(objectId), detail);
        tenant.bind(em).persist(e);
        return e;
    }

    /** Newest first, at most {@code limit} entries of the current city. */
    public List<AuditEntry> recent(int limit) {
        return tenant.bind(em).createQuery("select a from AuditEntry a order by a.at desc, a.id desc", AuditEntry.class)
                .setMaxResults(limit).getResultList();
    }
}
