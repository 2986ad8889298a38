package cz.safecity.messaging.boundary;

import cz.safecity.messaging.MessagingModule;
import cz.safecity.messaging.control.Ladder;
import cz.safecity.messaging.control.Matters;
import cz.safecity.messaging.control.MessagingEvents;
import cz.safecity.messaging.control.Notifier;
import cz.safecity.messaging.control.Routing;
import cz.safecity.messaging.control.Submission;
import cz.safecity.messaging.control.Submissions;
import cz.safecity.messaging.entity.Level;
import cz.safecity.messaging.entity.Matter;
import cz.safecity.platform.event.MatterEscalated;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.time.PlatformClock;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Matters of a city: {@code /api/cities/{city}/messaging/matters}. Citizens submit without an account
 * ({@link Submission}; {@code Idempotency-Key} header; rate limit per address); the city's staff (city-admin, police
 * officer, constable, councillor of that city) read the inbox and act on a matter — every action signed by the named
 * person and audited. Errors: 400 naming the field, 401 without a token, 403 for another city's roles, 404 for another
 * city's id, 409 for a state conflict, 422 for text limits/unknown category/outside the city, 429 with Retry-After.
 */
@Path("cities/{city}/messaging/matters")
@ModuleEndpoint(MessagingModule.ID)
@ApplicationScoped // one instance: no bean to create and inject per request (it keeps no request state)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "messaging")
public class MattersResource {

    static final String[] STAFF = {Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR};

    @Inject
    Submissions submissions;
    @Inject
    Matters matters;
    @Inject
    Ladder ladder;
    @Inject
    TenantContext tenant;
    @Inject
    PlatformClock clock;
    @Inject
    MessagingEvents events;
    @Inject
    Notifier notifier;
    @Inject
    Routing routing;
    @Inject
    Caller caller;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a matter (citizen, no account); 201 with the tracking link")
    @APIResponse(responseCode = "201", description = "stored; the body carries the tracking link (shown only here)")
    @APIResponse(responseCode = "200", description = "the same Idempotency-Key was seen before: the same matter")
    @APIResponse(responseCode = "400", description = "malformed JSON or a field of the wrong type")
    @APIResponse(responseCode = "422", description = "text limits, unknown category, outside the city, no consent")
    @APIResponse(responseCode = "429", description = "too many messages from this address (Retry-After)")
    public Response submit(String body, @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Context HttpServletRequest request, @Context UriInfo uri) {
        JsonObject o = Bodies.object(body);
        Submission s = Submission.parse(o, tenant.require().defaultLocale().getLanguage());
        Submissions.Result r;
        try {
            r = submissions.submit(s, idempotencyKey, request == null ? null : request.getRemoteAddr());
        } catch (ProblemException p) {
            if (p.status() == 429) {
                return Bodies.tooMany(p);
            }
            throw p;
        }
        Matter m = r.matter();
        Views.Submitted answer = new Views.Submitted(m.id, notifier.trackingLink(r.secret()),
                notifier.portalLink(r.secret()), r.secret(), m.status,
                Views.district(m), m.nearBoundary, Views.neighbours(m), Views.canMove(m),
                Views.level(m, ladder.levels()), Views.dueAt(m));
        Response.ResponseBuilder b = r.replayed() ? Response.ok() : Response.status(201);
        return b.location(uri.getBaseUriBuilder().path("cities").path(tenant.id().slug()).path("messaging/tracking")
                .path(r.secret()).build()).header("Idempotency-Replayed", r.replayed() ? "true" : null)
                .entity(answer).build();
    }

    @GET
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Operation(summary = "Inbox: matters newest first, filtered, keyset-paged (staff of the city)",
            description = "mine=true: the districts whose working group the caller sits in; level: one ladder level")
    @APIResponse(responseCode = "200", description = "one page; next is the cursor of the following page or null")
    @APIResponse(responseCode = "400", description = "a bad filter, limit or cursor")
    @APIResponse(responseCode = "403", description = "not staff of this city")
    public Views.Page inbox(@QueryParam("level") String level, @QueryParam("district") String district,
                            @QueryParam("status") String status, @QueryParam("category") String category,
                            @QueryParam("olderThanDays") String olderThanDays, @QueryParam("after") String after,
                            @QueryParam("limit") String limit, @QueryParam("mine") String mine) {
        if (status != null) {
            for (String s : status.split(",")) {
                if (!Matter.STATUSES.contains(s)) {
                    throw ProblemException.invalid("status", "'" + s + "' is not one of " + Matter.STATUSES);
                }
            }
        }
        int n = intParam("limit", limit, 1, 100, 25);
        Integer older = olderThanDays == null ? null : intParam("olderThanDays", olderThanDays, 0, 36500, 0);
        Instant afterAt = null;
        Long afterId = null;
        if (after != null && !after.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\\|");
                afterAt = Instant.parse(parts[0]);
                afterId = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                throw ProblemException.invalid("after", "not a cursor from a previous page");
            }
        }
        List<String> myDistricts = null;
        if ("true".equals(mine)) {
            myDistricts = routing.districtsOf(tenant.id(), caller.username(), matters.today());
        } else if (mine != null && !mine.isBlank() && !"false".equals(mine)) {
            throw ProblemException.invalid("mine", "must be true or false");
        }
        List<Matter> page = matters.inbox(new Matters.Filter(blank(level), blank(district), blank(status),
                blank(category), older, myDistricts), afterAt, afterId, n);
        List<Level> levels = ladder.levels();
        Instant now = clock.now(tenant.id());
        String next = null;
        if (page.size() == n) {
            Matter last = page.get(page.size() - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString((last.createdAt + "|" + last.id)
                    .getBytes(StandardCharsets.UTF_8));
        }
        return new Views.Page(page.stream().map(m -> Views.summary(m, levels, now)).toList(), next);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Operation(summary = "A matter with its whole thread, internal notes and contact (staff of the city)")
    @APIResponse(responseCode = "200", description = "the matter")
    @APIResponse(responseCode = "404", description = "no such matter in this city")
    public Views.StaffView get(@PathParam("id") long id) {
        return view(matters.require(id));
    }

    private Views.StaffView view(Matter m) {
        return Views.staff(m, ladder.levels(), matters.thread(m.id, true), clock.now(tenant.id()));
    }

    @POST
    @Path("{id}/replies")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A public reply (the citizen is notified) or an internal note ({\"internal\":true})")
    @APIResponse(responseCode = "201", description = "the entry, signed by the caller")
    @APIResponse(responseCode = "422", description = "text empty or over 4,000 characters")
    @APIResponse(responseCode = "404", description = "no such matter in this city")
    public Response reply(@PathParam("id") long id, String body) {
        JsonObject o = Bodies.object(body);
        String text = Submission.text(o, "text");
        boolean internal = o.containsKey("internal") && o.get("internal") == jakarta.json.JsonValue.TRUE;
        return Response.status(201).entity(Views.entry(matters.staffEntry(id, text, internal))).build();
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the status (new → acknowledged → in-progress → answered → closed; reopen)")
    @APIResponse(responseCode = "200", description = "the matter")
    @APIResponse(responseCode = "400", description = "unknown status")
    @APIResponse(responseCode = "409", description = "the transition is not allowed")
    public Views.StaffView status(@PathParam("id") long id, String body) {
        JsonObject o = Bodies.object(body);
        String status = string(o, "status", true);
        return view(matters.changeStatus(id, status, reason(o, false)));
    }

    @POST
    @Path("{id}/owner")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign the owner: {} takes it yourself, or {\"name\",\"role\",\"personId\"}")
    @APIResponse(responseCode = "200", description = "the matter")
    @APIResponse(responseCode = "400", description = "name without role")
    public Views.StaffView owner(@PathParam("id") long id, String body) {
        JsonObject o = Bodies.object(body == null || body.isBlank() ? "{}" : body);
        String name = string(o, "name", false);
        String role = string(o, "role", false);
        if (name != null && (role == null || !Roles.CITY_ROLES.contains(role))) {
            throw ProblemException.invalid("role", "is required with name: one of " + Roles.CITY_ROLES);
        }
        return view(matters.assign(id, string(o, "personId", false), name, role));
    }

    @POST
    @Path("{id}/reassign")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reassign to another district's working group with a reason (audited)")
    @APIResponse(responseCode = "200", description = "the matter")
    @APIResponse(responseCode = "409", description = "already in that district")
    @APIResponse(responseCode = "422", description = "unknown district")
    public Views.StaffView reassign(@PathParam("id") long id, String body) {
        JsonObject o = Bodies.object(body);
        return view(matters.reassign(id, string(o, "district", true), reason(o, true)));
    }

    @POST
    @Path("{id}/escalate")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Escalate one ladder level up with a reason (fires MatterEscalated)")
    @APIResponse(responseCode = "200", description = "the matter")
    @APIResponse(responseCode = "409", description = "at the top of the ladder")
    public Views.StaffView escalate(@PathParam("id") long id, String body) {
        JsonObject o = Bodies.object(body);
        MatterEscalated e = matters.escalate(id, reason(o, true));
        events.fire(List.of(e));
        return view(matters.require(id));
    }

    static String reason(JsonObject o, boolean required) {
        String r = string(o, "reason", required);
        if (r != null) {
            Submission.checkText(r, "reason");
        }
        return r;
    }

    static String string(JsonObject o, String key, boolean required) {
        jakarta.json.JsonValue v = o.get(key);
        if (v == null || v.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
            if (required) {
                throw ProblemException.invalid(key, "is required");
            }
            return null;
        }
        if (!(v instanceof jakarta.json.JsonString s)) {
            throw ProblemException.invalid(key, "must be a string");
        }
        if (s.getString().isBlank()) {
            if (required) {
                throw ProblemException.invalid(key, "is required");
            }
            return null;
        }
        return s.getString().strip();
    }

    static int intParam(String name, String value, int min, int max, int dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw ProblemException.invalid(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not a whole number");
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
