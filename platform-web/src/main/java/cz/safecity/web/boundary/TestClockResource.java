package cz.safecity.web.boundary;

import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.time.PlatformClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/cities/{city}/test-clock} — the city's business time offset ({@link PlatformClock}), so that tests
 * move a test city's time (deadlines, retention, windows) instead of sleeping. Platform-admin only; answers 404
 * where the test clock is disabled ({@code safecity.test-clock.enabled=false}, production).
 */
@Path("cities/{city}/test-clock")
@RequestScoped
@Tag(name = "platform")
@Produces(MediaType.APPLICATION_JSON)
public class TestClockResource {

    @Inject
    PlatformClock clock;
    @Inject
    TenantContext tenant;
    @Inject
    AuditLog audit;

    /** @param offset ISO 8601 duration added to real time, e.g. {@code P3D}; {@code now} the city's business time */
    public record ClockState(String city, String offset, String now) {
    }

    @GET
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "The city's test clock", description = "Its offset from real time and the city's current "
            + "business time. 404 where the test clock is disabled.")
    @APIResponse(responseCode = "404", description = "Unknown city, or the test clock is disabled")
    public ClockState get(@PathParam("city") String city) {
        requireEnabled();
        return state();
    }

    @PUT
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the city's test clock", description = "Body {\"offset\":\"P3D\"}: the city's business "
            + "time becomes real time plus the offset (PT0S resets it). Audited.")
    @APIResponse(responseCode = "400", description = "offset missing or not an ISO 8601 duration")
    @APIResponse(responseCode = "404", description = "Unknown city, or the test clock is disabled")
    public ClockState put(@PathParam("city") String city, JsonObject body) {
        requireEnabled();
        if (body == null || !(body.get("offset") instanceof JsonString s)) {
            throw ProblemException.invalid("offset", "required, an ISO 8601 duration such as P3D or PT0S");
        }
        Duration offset;
        try {
            offset = Duration.parse(s.getString());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("offset", "not an ISO 8601 duration (e.g. P3D, PT36H, -PT1H)");
        }
        clock.setOffset(tenant.id(), offset);
        audit.record("platform.test-clock.moved", "city", tenant.id().slug(), offset.toString());
        return state();
    }

    private void requireEnabled() {
        if (!clock.adjustable()) {
            throw new ProblemException(404, "test-clock-disabled", "Not found",
                    "The test clock is disabled on this server.", null);
        }
    }

    private ClockState state() {
        return new ClockState(tenant.id().slug(), clock.offset(tenant.id()).toString(),
                clock.now(tenant.id()).atZone(tenant.require().zone()).toOffsetDateTime().toString());
    }
}
