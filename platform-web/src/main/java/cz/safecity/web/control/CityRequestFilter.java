package cz.safecity.web.control;

import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantDirectory;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one place where tenancy and access are enforced, for every resource of every module:
 * <ol>
 *   <li>the caller is taken from the validated MP-JWT principal (none: anonymous citizen);</li>
 *   <li>a {@code {city}} path parameter is resolved to a {@link Tenant} (unknown → 404) and entered into the
 *       {@link TenantContext} that persistence reads;</li>
 *   <li>a resource of a module ({@link ModuleEndpoint}) that is disabled for the city answers 404;</li>
 *   <li>the method's declared roles are checked: {@code @PermitAll} is public; {@code @RolesAllowed} needs a
 *       token (401) and one of the roles (403) — a city role only counts in its own city
 *       ({@code city_groups} claim), {@code platform-admin} counts everywhere, {@code coordinator} wherever
 *       it is listed. A method that declares nothing is refused (403): every endpoint must declare roles.</li>
 * </ol>
 * Runs before Jersey's own roles filter (priority between authentication and authorization).
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 500)
public class CityRequestFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;
    @Inject
    TenantContext tenantContext;
    @Inject
    TenantDirectory tenants;
    @Inject
    ModuleRegistry modules;
    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            caller.authenticate(jwt);
        }
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || type == null) {
            return; // not a resource method (e.g. OPTIONS handled by Jersey)
        }
        Tenant city = null;
        String slug = request.getUriInfo().getPathParameters().getFirst("city");
        if (slug != null) {
            city = tenants.require(slug);
            tenantContext.enter(city);
            ModuleEndpoint module = type.getAnnotation(ModuleEndpoint.class);
            if (module != null && !modules.isEnabled(city.id(), module.value())) {
                throw new ProblemException(404, "module-disabled", "Not found",
                        "Module '" + module.value() + "' is not enabled for city '" + slug + "'.", null);
            }
        }
        checkRoles(method, type, city);
        rejectControlCharacters(request);
        // Payara's MP-JWT also enforces @RolesAllowed (Jersey's RolesAllowedDynamicFeature) against the token's
        // realm roles; let it see this filter's city-aware decision, or platform-admin (who holds no city role
        // as a realm role) would be refused city endpoints it may use.
        Tenant resolved = city;
        SecurityContext original = request.getSecurityContext();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return original.getUserPrincipal();
            }

            @Override
            public boolean isUserInRole(String role) {
                return !caller.anonymous() && holds(role, resolved);
            }

            @Override
            public boolean isSecure() {
                return original.isSecure();
            }

            @Override
            public String getAuthenticationScheme() {
                return original.getAuthenticationScheme();
            }
        });
    }

    /**
     * A NUL in a path or query value can never be stored or compared in PostgreSQL text ({@code invalid byte sequence
     * for encoding "UTF8": 0x00}), so it is a 400 naming the parameter here, for every module, instead of a 500 deep in a
     * query.
     */
    private static void rejectControlCharacters(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters());
        check(request.getUriInfo().getQueryParameters());
    }

    private static void check(jakarta.ws.rs.core.MultivaluedMap<String, String> params) {
        for (var e : params.entrySet()) {
            for (String v : e.getValue()) {
                if (v != null && v.indexOf('\u0000') >= 0) {
                    throw ProblemException.invalid(e.getKey(), "must not contain a NUL character");
                }
            }
        }
    }

    private void checkRoles(Method method, Class<?> type, Tenant city) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        if (method.isAnnotationPresent(DenyAll.class)) {
            throw forbidden();
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            if (type.isAnnotationPresent(PermitAll.class)) {
                return;
            }
            allowed = type.getAnnotation(RolesAllowed.class);
        }
        if (allowed == null) {
            throw forbidden();
        }
        if (caller.anonymous()) {
            throw new ProblemException(401, "unauthenticated", "Unauthenticated",
                    "This endpoint needs a bearer token from the platform's Keycloak realm.", null);
        }
        boolean ok = Arrays.stream(allowed.value()).anyMatch(role -> holds(role, city));
        if (!ok) {
            throw forbidden();
        }
    }

    private boolean holds(String role, Tenant city) {
        if (caller.hasPlatformRole(Roles.PLATFORM_ADMIN)) {
            return true;
        }
        if (Roles.PLATFORM_ROLES.contains(role)) {
            return caller.hasPlatformRole(role);
        }
        return city != null && caller.hasCityRole(city.id(), role);
    }

    private static ProblemException forbidden() {
        return new ProblemException(403, "forbidden", "Forbidden",
                "Your roles do not allow this action in this city.", null);
    }
}
