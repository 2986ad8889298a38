package cz.safecity.web;

import cz.safecity.platform.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * JAX-RS application at {@code /api}. Resources of the modules (CDI jars in the EAR's lib/) are discovered by
 * scanning. A CDI bean, as MicroProfile JWT on Payara requires; tokens come from Keycloak realm
 * {@code safecity} (see {@code microprofile-config.properties}).
 */
@ApplicationPath("/api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "safecity")
@DeclareRoles({Roles.PLATFORM_ADMIN, Roles.COORDINATOR, Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE,
        Roles.COUNCILLOR})
public class SafeCityApplication extends Application {
}
