package cz.safecity.events.boundary;

import cz.safecity.platform.json.Inputs;
import cz.safecity.events.EventsModule;
import cz.safecity.events.control.Bodies;
import cz.safecity.events.control.CalendarFeeds;
import cz.safecity.events.control.PublicMeetings;
import cz.safecity.events.entity.PublicMeeting;
import cz.safecity.events.entity.PublicMeetingView;
import cz.safecity.events.entity.RegistrantView;
import cz.safecity.events.entity.RegistrationView;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public meetings with citizens: {@code /api/cities/{city}/public-meetings}. Announcements, registration,
 * cancellation and the iCalendar feed are public; the city's staff announce, change, publish minutes and see the
 * registrants. Errors: 400 naming the field, 404 unknown meeting or token, 409 registration closed.
 */
@Path("cities/{city}/public-meetings")
@ModuleEndpoint(EventsModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events")
public class PublicMeetingsResource {

    @PathParam("city")
    String city;
    @Context
    UriInfo uri;
    @Inject
    PublicMeetings meetings;
    @Inject
    Bodies bodies;
    @Inject
    TenantContext tenant;

    @GET
    @PermitAll
    @Operation(summary = "Announced public meetings, soonest first (upcoming unless all=true; ?district=)")
    public List<PublicMeetingView> list(@QueryParam("district") String district, @QueryParam("all") boolean all) {
        return meetings.list(district == null || district.isBlank() ? null : district, all).stream()
                .map(meetings::view).toList();
    }

    @GET
    @Path("{id: [0-9]+}")
    @PermitAll
    @Operation(summary = "One public meeting (seats, waitlist, published minutes)")
    @APIResponse(responseCode = "404", description = "no such public meeting in this city")
    public PublicMeetingView get(@PathParam("id") long id) {
        return meetings.view(meetings.require(id));
    }

    @GET
    @Path("calendar.ics")
    @PermitAll
    @Produces("text/calendar")
    @Operation(summary = "iCalendar feed of the city's public meetings (RFC 5545, VTIMEZONE of the city's zone)")
    public Response calendar() {
        var zone = bodies.zone();
        List<CalendarFeeds.Single> singles = meetings.list(null, true).stream().map(p -> new CalendarFeeds.Single(
                "public-meeting-" + p.id() + "@" + city + ".safecity.cz", p.startAt().atZone(zone),
                p.endAt().atZone(zone), p.title(), p.place(), p.agenda(), "cancelled".equals(p.status()),
                p.createdAt())).toList();
        return Feeds.ics(CalendarFeeds.write(zone, tenant.require().name() + " – veřejná setkání", List.of(),
                singles));
    }

    @POST
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Announce a public meeting", description = "{\"title\", \"bodyId\", \"district\","
            + " \"place\", \"start\":\"2027-04-01T18:00\", \"end\":\"2027-04-01T20:00\", \"agenda\", \"capacity\":20}")
    @APIResponse(responseCode = "201", description = "announced")
    @APIResponse(responseCode = "400", description = "invalid field (end before start, capacity…)")
    @APIResponse(responseCode = "404", description = "unknown body")
    public Response announce(String body) {
        PublicMeeting p = meetings.announce(fields(Inputs.parse(body)));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(p.id())).build())
                .entity(meetings.view(p)).build();
    }

    @PUT
    @Path("{id: [0-9]+}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the announcement (more seats promote waitlisted people)")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "no such public meeting")
    @APIResponse(responseCode = "409", description = "capacity below the confirmed seats")
    public PublicMeetingView update(@PathParam("id") long id, String body) {
        return meetings.view(meetings.update(id, fields(Inputs.parse(body))));
    }

    @POST
    @Path("{id: [0-9]+}/status")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the status: announced, cancelled or held", description = "{\"status\":\"held\"}")
    @APIResponse(responseCode = "400", description = "unknown status")
    @APIResponse(responseCode = "404", description = "no such public meeting")
    public PublicMeetingView status(@PathParam("id") long id, String body) {
        Inputs in = Inputs.parse(body);
        return meetings.view(meetings.status(id, in.required("status", in.oneOf("status",
                PublicMeeting.STATUSES))));
    }

    @PUT
    @Path("{id: [0-9]+}/minutes")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish the minutes", description = "{\"text\":\"…\"}")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "no such public meeting")
    public PublicMeetingView minutes(@PathParam("id") long id, String body) {
        return meetings.view(meetings.publishMinutes(id, Inputs.parse(body).requiredText("text", 100_000)));
    }

    @GET
    @Path("{id: [0-9]+}/registrations")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Operation(summary = "Registrants (staff; name and e-mail null once erased)")
    @APIResponse(responseCode = "404", description = "no such public meeting")
    public List<RegistrantView> registrants(@PathParam("id") long id) {
        return meetings.registrants(id);
    }

    @POST
    @Path("{id: [0-9]+}/registrations")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register (atomic: confirmed while seats last, then waitlisted; a retry with the same"
            + " e-mail answers the same registration)", description = "{\"name\", \"email\", \"volunteer\":false,"
            + " \"volunteerRole\", \"contactConsent\":false}")
    @APIResponse(responseCode = "201", description = "registered (confirmed or waitlisted), with the cancel token")
    @APIResponse(responseCode = "200", description = "a retry: the existing registration")
    @APIResponse(responseCode = "400", description = "invalid field (volunteers must consent to contact)")
    @APIResponse(responseCode = "404", description = "no such public meeting")
    @APIResponse(responseCode = "409", description = "registration closed")
    public Response register(@PathParam("id") long id, String body) {
        Inputs in = Inputs.parse(body);
        String name = in.requiredText("name", 200);
        String email = in.required("email", in.email("email"));
        boolean volunteer = in.bool("volunteer", false);
        boolean consent = in.bool("contactConsent", false);
        if (volunteer && !consent) {
            throw ProblemException.invalid("contactConsent", "volunteers must consent to being contacted");
        }
        String role = in.text("volunteerRole", 200);
        RegistrationView r = meetings.register(id, new PublicMeetings.Signup(name, email, volunteer,
                volunteer ? role : null, consent), cancelUrl(id));
        return Response.status(r.created() ? 201 : 200).entity(r).build();
    }

    @POST
    @Path("{id: [0-9]+}/registrations/cancel")
    @PermitAll
    @Operation(summary = "Cancel a registration with its secret token and erase its personal data; the first"
            + " waitlisted person is promoted and e-mailed", description = "{\"token\":\"…\"} or ?token=")
    @APIResponse(responseCode = "200", description = "cancelled")
    @APIResponse(responseCode = "400", description = "no token")
    @APIResponse(responseCode = "404", description = "no such meeting or active registration with that token")
    public Response cancel(@PathParam("id") long id, @QueryParam("token") String query, String body) {
        String token = query;
        if (token == null || token.isBlank()) {
            token = Inputs.parse(body).requiredText("token", 100);
        }
        var promoted = meetings.cancel(id, token);
        return Response.ok(jakarta.json.Json.createObjectBuilder().add("cancelled", true)
                .add("promoted", promoted.isPresent()).build().toString(), MediaType.APPLICATION_JSON).build();
    }

    private String cancelUrl(long id) {
        return Views.url(uri, "cities/" + city + "/public-meetings/" + id + "/registrations/cancel");
    }

    private PublicMeeting.Fields fields(Inputs in) {
        String title = in.requiredText("title", 200);
        Integer body = in.integer("bodyId", 1, Integer.MAX_VALUE);
        String district = in.text("district", 60);
        String place = in.requiredText("place", 300);
        LocalDateTime start = in.required("start", in.localDateTime("start"));
        LocalDateTime end = in.required("end", in.localDateTime("end"));
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("end", end + " is not after start " + start);
        }
        var zone = bodies.zone();
        int capacity = in.required("capacity", in.integer("capacity", 1, 100_000));
        return new PublicMeeting.Fields(title, body == null ? null : body.longValue(), district, place,
                start.atZone(zone).toInstant(), end.atZone(zone).toInstant(), in.text("agenda", 4000), capacity);
    }
}
