package cz.safecity.web;

import cz.safecity.platform.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * JAX-RS application at {@code /api}. Resources of the modules (CDI jars in the EAR's lib/) are discovered by
 * scanning. A CDI bean, as MicroProfile JWT on Payara requires; tokens come from Keycloak realm
 * {@code safecity} (see {@code microprofile-config.properties}).
 */
@ApplicationPath("/api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "safecity")
@SecurityScheme(securitySchemeName = "keycloak", type = SecuritySchemeType.OPENIDCONNECT,
        openIdConnectUrl = "http://localhost:8180/realms/safecity/.well-known/openid-configuration",
        description = "Bearer access token of Keycloak realm safecity; city roles count in their own city only "
                + "(claim city_groups = /<city>/<role>), platform-admin everywhere")
@DeclareRoles({Roles.PLATFORM_ADMIN, Roles.COORDINATOR, Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE,
        Roles.COUNCILLOR})
public class SafeCityApplication extends Application {
}
