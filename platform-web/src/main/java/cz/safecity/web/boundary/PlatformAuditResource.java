package cz.safecity.web.boundary;

import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantId;
import cz.safecity.web.control.AdminAudit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import cz.safecity.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/platform/audit?city=&limit=50} — platform-level actions on cities (onboarded, offboarded), newest
 * first (platform-admin). These records outlive an offboarded city.
 */
@Path("platform/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "platform", description = "Cities, modules, staff roles, audit")
public class PlatformAuditResource {

    @Inject
    AdminAudit audit;

    @GET
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Platform-level audit (cities onboarded and offboarded)",
            description = "Newest first. Errors: 400 for a limit outside 1..500 or a malformed city slug, "
                    + "401 without a token, 403 for anyone but a platform admin.")
    @APIResponse(responseCode = "400", description = "Bad limit or city (problem+json)")
    @APIResponse(responseCode = "401", description = "No or invalid token (problem+json)")
    @APIResponse(responseCode = "403", description = "Not a platform admin (problem+json)")
    public List<AdminAudit.Entry> recent(@QueryParam("city") String city,
                                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        if (city != null && !TenantId.isSlug(city)) {
            throw ProblemException.invalid("city", "not a city slug: " + city);
        }
        return audit.recent(city, limit);
    }
}
