package cz.safecity.events.boundary;

import cz.safecity.events.EventsModule;
import cz.safecity.events.control.RegistrantErasure;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The module's periodic jobs, triggered for one city by a platform admin (tests move the city's clock with
 * {@code PUT /api/cities/{city}/test-clock}, then run the job instead of waiting).
 */
@Path("cities/{city}/events/jobs")
@ModuleEndpoint(EventsModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events")
public class JobsResource {

    @Inject
    RegistrantErasure erasure;

    @POST
    @Path("erase-registrants")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Erase the personal data of registrants of public meetings that ended more than"
            + " registrantRetentionDays ago (city's business clock)")
    @APIResponse(responseCode = "200", description = "{\"meetings\": n, \"registrations\": m} erased")
    @APIResponse(responseCode = "403", description = "not a platform admin")
    public String eraseRegistrants() {
        long[] done = erasure.runForCurrentCity();
        return Json.createObjectBuilder().add("meetings", done[0]).add("registrations", done[1]).build().toString();
    }
}
