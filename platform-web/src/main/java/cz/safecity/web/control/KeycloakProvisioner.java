package cz.safecity.web.control;

import cz.safecity.platform.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Creates a city's Keycloak Organization (alias = slug) and its role groups {@code /<slug>/<role>} through
 * the Keycloak admin REST API. Idempotent.
 */
@ApplicationScoped
public class KeycloakProvisioner {

    /** @throws cz.safecity.platform.problem.ProblemException 502 when Keycloak refuses or cannot be reached */
    public void provisionCity(TenantId city, String name) {
        // TODO(provisioning): implemented with the Keycloak admin client
    }
}
