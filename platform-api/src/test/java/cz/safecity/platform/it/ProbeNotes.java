package cz.safecity.platform.it;

import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.function.Function;

/**
 * Runs work "as a store would": in a fresh request context (a new {@link TenantContext}) entered into one city,
 * inside a transaction, on the entity manager that {@link TenantContext#bind} prepared. Called from a managed
 * executor thread, so that each call gets its own request context and city.
 */
@ApplicationScoped
public class ProbeNotes {

    @Inject
    TenantContext tenants;
    @PersistenceContext(unitName = "arq-tenancy")
    EntityManager em;

    @ActivateRequestContext
    @Transactional
    public <T> T inCity(Tenant city, Function<EntityManager, T> work) {
        tenants.enter(city);
        return work.apply(tenants.bind(em));
    }
}
