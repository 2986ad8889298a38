package cz.safecity.events.boundary;

import cz.safecity.platform.json.Inputs;
import cz.safecity.events.EventsModule;
import cz.safecity.events.control.Bodies;
import cz.safecity.events.control.BodyInput;
import cz.safecity.events.control.CalendarFeeds;
import cz.safecity.events.control.EventsCache;
import cz.safecity.events.control.Meetings;
import cz.safecity.events.control.Occurrences;
import cz.safecity.events.entity.Body;
import cz.safecity.events.entity.BodyView;
import cz.safecity.events.entity.MeetingView;
import cz.safecity.events.entity.OccurrenceView;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One body: {@code /api/cities/{city}/bodies/{id}} — its detail, members, occurrences of its series
 * ({@code …/occurrences}), single occurrences and its iCalendar feed ({@code …/calendar.ics}). One class for
 * everything under a body's id, because JAX-RS picks one resource class per request (the longest literal path).
 * Public reads; the city-admin configures the body, the city's staff move, cancel, mark held and record agenda,
 * attendance, minutes and decisions. An occurrence is addressed by its RECURRENCE-ID, the series' original local start
 * ({@code 2027-03-25T17:00}). Errors: 400 naming the field, 404 for an unknown body or occurrence (also another
 * city's), 409 for a change its status forbids.
 */
@Path("cities/{city}/bodies/{id: [0-9]+}")
@ModuleEndpoint(EventsModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events")
public class OccurrencesResource {

    /** Longest window of one occurrences query (days). */
    static final int MAX_WINDOW_DAYS = 732;
    /** Most occurrences in one answer. */
    static final int MAX_OCCURRENCES = 1000;

    @PathParam("city")
    String city;
    @PathParam("id")
    long id;
    @Context
    UriInfo uri;
    @Inject
    Bodies bodies;
    @Inject
    Meetings meetings;
    @Inject
    EventsCache cache;
    @Inject
    TenantContext tenant;
    @Inject
    Caller caller;

    @GET
        @PermitAll
    @Operation(summary = "One body with its members and membership history")
    @APIResponse(responseCode = "404", description = "no such body in this city")
    public BodyView get() {
        return Views.body(bodies.require(id), city, uri, bodies.members(id));
    }

    @PUT
        @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a body's kind, name, scope and series (members stay)")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "no such body in this city")
    @APIResponse(responseCode = "422", description = "series over the city's maximum of occurrences")
    public BodyView update(String body) {
        return Views.body(bodies.update(id, BodyInput.parse(Inputs.parse(body))), city, uri, bodies.members(id));
    }

    @DELETE
        @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Delete a body with its meetings")
    @APIResponse(responseCode = "204", description = "deleted")
    @APIResponse(responseCode = "404", description = "no such body in this city")
    public Response delete() {
        bodies.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("members")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a named member (name, role, institution, from)")
    @APIResponse(responseCode = "201", description = "added")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "no such body in this city")
    public Response addMember(String body) {
        var m = bodies.addMember(id, BodyInput.member(Inputs.parse(body)));
        return Response.status(201).entity(Views.member(m)).build();
    }

    @POST
    @Path("members/{member: [0-9]+}/end")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End a membership on a date (history is kept)")
    @APIResponse(responseCode = "400", description = "invalid date")
    @APIResponse(responseCode = "404", description = "no such body or member in this city")
    public BodyView.MemberView endMember(@PathParam("member") long member, String body) {
        Inputs in = Inputs.parse(body);
        var on = in.date("on");
        return Views.member(bodies.endMember(id, member, on == null ? bodies.today() : on));
    }

    @GET
    @Path("occurrences")
    @PermitAll
    @Operation(summary = "Occurrences of the body's series in a date range (start/end ISO 8601 with the local"
            + " offset; status planned, moved, cancelled or held)")
    @APIResponse(responseCode = "200", description = "occurrences, earliest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = OccurrenceView.class)))
    @APIResponse(responseCode = "400", description = "from/to not ISO dates, to before from, or over 732 days")
    @APIResponse(responseCode = "404", description = "no such body in this city")
    public Response occurrences(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate f = from == null || from.isBlank() ? bodies.today() : Inputs.date("from", from);
        LocalDate t = to == null || to.isBlank() ? f.plusMonths(3) : Inputs.date("to", to);
        if (t.isBefore(f)) {
            throw ProblemException.invalid("to", to + " is before from " + f);
        }
        if (ChronoUnit.DAYS.between(f, t) > MAX_WINDOW_DAYS) {
            throw ProblemException.invalid("to", "the range may span at most " + MAX_WINDOW_DAYS + " days");
        }
        // cached as JSON text: the hot path neither expands the rule nor serializes
        String json = cache.get(new EventsCache.Key(city, "occurrences", id, f + "/" + t), () -> {
            Body b = bodies.require(id);
            var cadence = bodies.cadence(b);
            if (cadence == null) {
                return "[]";
            }
            ZoneId zone = bodies.zone();
            ZonedDateTime start = f.atStartOfDay(zone);
            ZonedDateTime end = t.plusDays(1).atStartOfDay(zone);
            return Feeds.json(Occurrences.merge(cadence, b.durationMinutes(), bodies.meetings(id, start, end), start,
                    end, MAX_OCCURRENCES).stream().map(Occurrences.Occurrence::view).toList());
        });
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("calendar.ics")
    @PermitAll
    @Produces("text/calendar")
    @Operation(summary = "The body's iCalendar feed (RFC 5545, VTIMEZONE of the city's zone, RRULE, EXDATE,"
            + " RECURRENCE-ID)")
    @APIResponse(responseCode = "404", description = "no such body in this city")
    public Response calendar() {
        return Feeds.ics(cache.get(new EventsCache.Key(city, "body.ics", id, ""), () -> {
            Body b = bodies.require(id);
            List<CalendarFeeds.Series> series = new ArrayList<>();
            if (b.rrule() != null) {
                series.add(Feeds.series(b, bodies.cadence(b), bodies.meetings(List.of(b.id())), city));
            }
            return CalendarFeeds.write(bodies.zone(), b.name(), series, List.of());
        }));
    }

    @GET
    @Path("occurrences/{rid}")
    @PermitAll
    @Operation(summary = "One occurrence with agenda, attendance, decisions and (published) minutes")
    @APIResponse(responseCode = "400", description = "recurrence id is not a local date-time")
    @APIResponse(responseCode = "404", description = "no such body or occurrence")
    public MeetingView occurrence(@PathParam("rid") String rid) {
        return meetings.view(id, rid(rid), Views.staff(caller, tenant.id()));
    }

    @POST
    @Path("occurrences/{rid}/move")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move one occurrence", description = "{\"start\":\"2027-04-01T18:00\","
            + " \"durationMinutes\":90, \"location\":\"…\"}; it stays one occurrence (RECURRENCE-ID)")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "no such body or occurrence")
    @APIResponse(responseCode = "409", description = "cancelled or held")
    public MeetingView move(@PathParam("rid") String rid, String body) {
        LocalDateTime r = rid(rid);
        Inputs in = Inputs.parse(body);
        LocalDateTime start = in.required("start", in.localDateTime("start"));
        meetings.move(id, r, start, in.integer("durationMinutes", 5, 1440), in.text("location", 300));
        return meetings.view(id, r, true);
    }

    @POST
    @Path("occurrences/{rid}/cancel")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel one occurrence (EXDATE in the feed)", description = "{\"reason\":\"…\"}")
    @APIResponse(responseCode = "404", description = "no such body or occurrence")
    @APIResponse(responseCode = "409", description = "already held")
    public MeetingView cancel(@PathParam("rid") String rid, String body) {
        LocalDateTime r = rid(rid);
        String reason = body == null || body.isBlank() ? null : Inputs.parse(body).text("reason", 500);
        meetings.cancel(id, r, reason);
        return meetings.view(id, r, true);
    }

    @POST
    @Path("occurrences/{rid}/held")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Operation(summary = "Mark one occurrence held (counts towards cadence adherence)")
    @APIResponse(responseCode = "404", description = "no such body or occurrence")
    @APIResponse(responseCode = "409", description = "cancelled, or not started yet")
    public MeetingView held(@PathParam("rid") String rid) {
        LocalDateTime r = rid(rid);
        meetings.held(id, r);
        return meetings.view(id, r, true);
    }

    @POST
    @Path("occurrences/{rid}/agenda")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an agenda item", description = "{\"title\":\"…\", \"description\":\"…\"}")
    @APIResponse(responseCode = "201", description = "added")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "no such body or occurrence")
    public Response agenda(@PathParam("rid") String rid, String body) {
        LocalDateTime r = rid(rid);
        Inputs in = Inputs.parse(body);
        meetings.addAgendaItem(id, r, in.requiredText("title", 500), in.text("description", 4000));
        return Response.status(201).entity(meetings.view(id, r, true)).build();
    }

    @PUT
    @Path("occurrences/{rid}/attendance")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the named attendance", description = "{\"people\":[{\"name\":\"…\","
            + " \"role\":\"…\", \"institution\":\"…\", \"present\":true}]}")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "no such body or occurrence")
    public MeetingView attendance(@PathParam("rid") String rid, String body) {
        LocalDateTime r = rid(rid);
        List<MeetingView.Person> people = new ArrayList<>();
        for (Inputs p : Inputs.parse(body).objects("people", 200)) {
            people.add(new MeetingView.Person(p.requiredText("name", 200), p.text("role", 100),
                    p.text("institution", 200), p.bool("present", true)));
        }
        meetings.attendance(id, r, people);
        return meetings.view(id, r, true);
    }

    @PUT
    @Path("occurrences/{rid}/minutes")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the minutes; published minutes are public",
            description = "{\"text\":\"…\", \"published\":false}")
    @APIResponse(responseCode = "400", description = "invalid field (text ≤ 100000 characters)")
    @APIResponse(responseCode = "404", description = "no such body or occurrence")
    public MeetingView minutes(@PathParam("rid") String rid, String body) {
        LocalDateTime r = rid(rid);
        Inputs in = Inputs.parse(body);
        meetings.minutes(id, r, in.requiredText("text", 100_000), in.bool("published", false));
        return meetings.view(id, r, true);
    }

    @POST
    @Path("occurrences/{rid}/decisions")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a decision (optionally the measure it created)",
            description = "{\"text\":\"…\", \"measureId\":12}")
    @APIResponse(responseCode = "201", description = "recorded")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "no such body, occurrence or measure")
    public Response decide(@PathParam("rid") String rid, String body) {
        LocalDateTime r = rid(rid);
        Inputs in = Inputs.parse(body);
        Integer measure = in.integer("measureId", 1, Integer.MAX_VALUE);
        meetings.decide(id, r, in.requiredText("text", 4000), measure == null ? null : measure.longValue());
        return Response.status(201).entity(meetings.view(id, r, true)).build();
    }

    private static LocalDateTime rid(String rid) {
        return Inputs.localDateTime("recurrenceId", rid);
    }
}
