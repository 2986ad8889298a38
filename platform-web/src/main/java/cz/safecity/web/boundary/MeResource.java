package cz.safecity.web.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/cities/{city}/me} — the signed-in staff member as this city sees them: person id, name and
 * roles in the city. Staff only (any city role of this city, or a platform role); 401 without a token.
 */
@Tag(name = "platform")
@Path("cities/{city}/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Caller caller;
    @Inject
    TenantContext tenant;

    public record Me(String personId, String displayName, String username, String city, List<String> cityRoles,
                     List<String> platformRoles) {
    }

    @GET
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR, Roles.COORDINATOR})
    @Operation(summary = "The signed-in staff member as this city sees them",
            description = "Any city role of this city or a platform role. Errors: 401 without a token, 403 without a "
                    + "role here, 404 unknown city.")
    public Me me(@PathParam("city") String city) {
        return new Me(caller.personId(), caller.displayName(), caller.username(), tenant.id().slug(),
                caller.cityRoles(tenant.id()).stream().sorted().toList(),
                Roles.PLATFORM_ROLES.stream().filter(caller::hasPlatformRole).sorted().toList());
    }
}
