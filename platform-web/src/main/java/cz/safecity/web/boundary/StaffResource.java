package cz.safecity.web.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantId;
import cz.safecity.web.control.KeycloakProvisioner;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A staff member's roles in a city, held as Keycloak group memberships {@code /<city>/<role>} (which the
 * token's {@code city_groups} claim carries at the person's next login or token refresh).
 * <ul>
 *   <li>{@code GET /api/cities/{city}/staff/{username}/roles} — the person's city roles (city-admin);</li>
 *   <li>{@code PUT /api/cities/{city}/staff/{username}/roles} with {@code {"roles": ["constable"]}} — sets
 *       exactly these roles in this city (adds the missing, removes the others; {@code []} removes all) and
 *       makes the person a member of the city's Keycloak Organization (city-admin). Audited as
 *       {@code platform.staff.roles.changed}.</li>
 * </ul>
 * Errors: 400 naming {@code roles[i]} for a role that is not a city role, or {@code username} for a malformed
 * one; 404 when Keycloak has no such user; 502 {@code keycloak-unavailable} when Keycloak fails.
 */
@Tag(name = "platform")
@Path("cities/{city}/staff/{username}/roles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    /** Keycloak's default username policy: no spaces or control characters; we accept this subset. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,255}");

    @Inject
    KeycloakProvisioner keycloak;
    @Inject
    TenantContext tenant;
    @Inject
    AuditLog audit;

    /** Body of the PUT: the complete set of the person's roles in this city. */
    public record StaffRoles(@NotNull @Size(max = 4) List<@NotBlank String> roles) {
    }

    /** The person's roles in the city after the call, and what the call changed. */
    public record StaffRolesView(String city, String username, List<String> roles, List<String> added,
                                 List<String> removed) {
    }

    @GET
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "A person's roles in the city",
            description = "City-admin. Errors: 400 for a malformed username, 404 when Keycloak has no such user, 502 "
                    + "when Keycloak fails.")
    @APIResponse(responseCode = "404", description = "Unknown city or no such user")
    @APIResponse(responseCode = "502", description = "Keycloak unavailable")
    public StaffRolesView roles(@PathParam("city") String city, @PathParam("username") String username) {
        TenantId id = tenant.id();
        return new StaffRolesView(id.slug(), checked(username), List.copyOf(keycloak.cityRoles(id, username)),
                List.of(), List.of());
    }

    @PUT
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set exactly these roles of a person in the city",
            description = "City-admin; also makes the person a member of the city's Keycloak Organization. Audited. "
                    + "Errors: 400 naming roles[i] for a role that is not a city role, 404 when Keycloak has no "
                    + "such user, 502 when Keycloak fails.")
    @APIResponse(responseCode = "404", description = "Unknown city or no such user")
    @APIResponse(responseCode = "502", description = "Keycloak unavailable")
    public StaffRolesView setRoles(@PathParam("city") String city, @PathParam("username") String username,
                                   @Valid @NotNull StaffRoles body) {
        TenantId id = tenant.id();
        checked(username);
        Set<String> wanted = new TreeSet<>();
        List<String> allowed = KeycloakProvisioner.cityRoleNames();
        for (int i = 0; i < body.roles().size(); i++) {
            String role = body.roles().get(i);
            if (!allowed.contains(role)) {
                throw ProblemException.invalid("roles[" + i + "]", "not a city role (one of " + allowed + "): " + role);
            }
            wanted.add(role);
        }
        Set<String> before = keycloak.cityRoles(id, username);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String role : allowed) {
            if (wanted.contains(role) && !before.contains(role)) {
                keycloak.assignCityRole(id, username, role);
                added.add(role);
            } else if (!wanted.contains(role) && before.contains(role)) {
                keycloak.revokeCityRole(id, username, role);
                removed.add(role);
            }
        }
        audit.record("platform.staff.roles.changed", "person", username,
                "roles=" + wanted + " added=" + added + " removed=" + removed);
        return new StaffRolesView(id.slug(), username, List.copyOf(wanted), added, removed);
    }

    private static String checked(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ProblemException.invalid("username", "1–255 letters, digits or . _ @ + -");
        }
        return username;
    }
}
