package cz.safecity.platform.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Reads and stores cities (table {@code platform_tenant}). Not cached in memory, so that several Payara
 * instances sharing one database always agree.
 */
@ApplicationScoped
@Transactional
public class TenantDirectory {

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    public Optional<Tenant> find(String slug) {
        if (!TenantId.isSlug(slug)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Tenant.class, slug));
    }

    /** The city or {@link UnknownTenantException} (404). */
    public Tenant require(String slug) {
        return find(slug).orElseThrow(() -> new UnknownTenantException(slug));
    }

    public List<Tenant> all() {
        return em.createQuery("select t from Tenant t order by t.slug", Tenant.class).getResultList();
    }

    /**
     * Inserts the city at once (flush), so that rows referencing it ({@code platform_tenant_module},
     * {@code platform_audit}) can follow in the same transaction: EclipseLink does not order inserts of
     * unrelated entities by foreign key.
     */
    public void add(Tenant tenant) {
        em.persist(tenant);
        em.flush();
    }
}
