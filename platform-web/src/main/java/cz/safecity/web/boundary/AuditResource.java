package cz.safecity.web.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.platform.audit.AuditEntry;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/cities/{city}/audit?limit=50} — the city's official actions, newest first (city-admin). */
@Tag(name = "platform")
@Path("cities/{city}/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog audit;

    /** One official action; {@code at} ISO 8601 UTC. */
    public record AuditView(long id, String at, String personId, String personName, String role, String action,
                            String objectType, String objectId, String detail) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.id(), e.at().toString(), e.personId(), e.personName(), e.role(), e.action(),
                    e.objectType(), e.objectId(), e.detail());
        }
    }

    @GET
    @RolesAllowed({Roles.CITY_ADMIN, Roles.COORDINATOR})
    @Operation(summary = "The city's official actions, newest first",
            description = "City-admin or coordinator. Errors: 400 for a limit outside 1..500, 401/403, 404 unknown "
                    + "city.")
    public List<AuditView> recent(@PathParam("city") String city,
                                  @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return audit.recent(limit).stream().map(AuditView::of).toList();
    }
}
