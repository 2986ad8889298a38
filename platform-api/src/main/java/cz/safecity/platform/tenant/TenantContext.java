package cz.safecity.platform.tenant;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import cz.safecity.platform.problem.ProblemException;
import java.util.Optional;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The city of the current request (or of the current asynchronous event, see {@link #enter}). Set once at the
 * HTTP edge from the {@code {city}} path segment; modules only read it.
 */
@RequestScoped
public class TenantContext {

    private Tenant tenant;

    /** Called by the edge filter (and by async observers with the tenant of their event). */
    public void enter(Tenant tenant) {
        if (this.tenant != null && !this.tenant.slug().equals(tenant.slug())) {
            throw new IllegalStateException("tenant already set to " + this.tenant.slug());
        }
        this.tenant = tenant;
    }

    /**
     * Runs {@code work} as {@code city} and restores the previous city afterwards: for a module answering another
     * module's contract call (which names its city explicitly) inside a request of another city or of none.
     */
    public <T> T callAs(Tenant city, java.util.function.Supplier<T> work) {
        Tenant previous = this.tenant;
        this.tenant = city;
        try {
            return work.get();
        } finally {
            this.tenant = previous;
        }
    }

    public Optional<Tenant> current() {
        return Optional.ofNullable(tenant);
    }

    /** The current city; IllegalStateException when the request is not city-scoped (a programming error). */
    public Tenant require() {
        if (tenant == null) {
            throw new IllegalStateException("no city in this request");
        }
        return tenant;
    }

    public TenantId id() {
        return require().id();
    }

    /**
     * The one place where the tenant reaches persistence: sets EclipseLink's tenant property on a
     * (transaction-scoped) entity manager and returns it. Stores call this on every access, inside their
     * transaction, so every query and insert of a {@link TenantOwned} entity is confined to this city.
     */
    public EntityManager bind(EntityManager em) {
        em.setProperty(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT, id().slug());
        return em;
    }

    /**
     * The {@link TenantOwned} entity of the current city with this id, found through {@link #bind}.
     *
     * @param what name of the kind of object for the problem text, e.g. {@code risk place}
     * @throws ProblemException 404 when there is no such object in this city (also when it belongs to another city)
     */
    public <T extends TenantOwned> T requireOwned(EntityManager em, Class<T> type, Object id, String what) {
        T found = bind(em).find(type, id);
        if (found == null) {
            throw ProblemException.notFound(what, id);
        }
        return found;
    }
}
