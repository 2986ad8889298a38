package cz.safecity.web.health;

import cz.safecity.platform.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the application itself serves: a JPA query through the platform's persistence unit succeeds, from this
 * web module and through the platform's own {@link TenantDirectory} in the EAR's {@code lib/} (a half-undeployed
 * application, e.g. one whose entity manager factory was closed after a failed redeployment, or one whose shared
 * beans were created without their entity manager, answers DOWN). Its name, {@value #NAME}, is what scripts and the load balancer look for in {@code /health/ready}:
 * Payara answers that endpoint with UP and no checks while no application is deployed at all.
 */
@Readiness
@ApplicationScoped
public class ApplicationReadiness implements HealthCheck {

    /** The check's name in {@code /health/ready}. */
    public static final String NAME = "safecity";

    @PersistenceContext(unitName = "platform")
    EntityManager em;
    @Inject
    TenantDirectory tenants;

    @Override
    public HealthCheckResponse call() {
        try {
            Number cities = (Number) em.createQuery("select count(t) from Tenant t").getSingleResult();
            tenants.all();
            return HealthCheckResponse.named(NAME).up().withData("cities", cities.longValue()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named(NAME).down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
