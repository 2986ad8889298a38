package cz.safecity.messaging.boundary;

import cz.safecity.messaging.MessagingModule;
import cz.safecity.messaging.control.MessagingJobs;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Runs the messaging module's periodic jobs for one city now ({@code platform-admin}), e.g. after a test moved the
 * city's clock: {@code POST /api/cities/{city}/messaging/jobs/deadlines} and {@code .../jobs/retention}.
 */
@Path("cities/{city}/messaging/jobs")
@ModuleEndpoint(MessagingModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "messaging")
public class JobsResource {

    @Inject
    MessagingJobs jobs;

    @POST
    @Path("deadlines")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Escalate this city's matters whose deadline passed (platform-admin)")
    @APIResponse(responseCode = "200", description = "{\"escalated\": n}")
    @APIResponse(responseCode = "403", description = "not platform-admin")
    public Map<String, Integer> deadlines() {
        return Map.of("escalated", jobs.deadlines());
    }

    @POST
    @Path("retention")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Erase contact data past this city's retention period (platform-admin)")
    @APIResponse(responseCode = "200", description = "{\"erased\": n}")
    @APIResponse(responseCode = "403", description = "not platform-admin")
    public Map<String, Integer> retention() {
        return Map.of("erased", jobs.retention());
    }
}
