package cz.safecity.events.boundary;

import cz.safecity.platform.json.Inputs;
import cz.safecity.events.EventsModule;
import cz.safecity.events.control.Bodies;
import cz.safecity.events.control.EventPlans;
import cz.safecity.events.entity.EventPlan;
import cz.safecity.events.entity.EventPlanView;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public-order preparation plans for cultural and sports events: {@code /api/cities/{city}/event-plans}; the city's
 * staff only. Errors: 400 naming the field, 401/403 without a staff role of the city, 404 for another city's id.
 */
@Path("cities/{city}/event-plans")
@ModuleEndpoint(EventsModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
@Tag(name = "events")
public class EventPlansResource {

    @Context
    UriInfo uri;
    @Inject
    EventPlans plans;
    @Inject
    Bodies bodies;

    @GET
    @Operation(summary = "Event plans, soonest first (staff)")
    @APIResponse(responseCode = "401", description = "no token")
    public List<EventPlanView> list() {
        return plans.list().stream().map(plans::view).toList();
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(summary = "One event plan with officers and checklist (staff)")
    @APIResponse(responseCode = "404", description = "no such plan in this city")
    public EventPlanView get(@PathParam("id") long id) {
        return plans.view(plans.require(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an event plan", description = "{\"title\", \"organiser\", \"place\", \"geometry\":"
            + " GeoJSON Point|Polygon, \"districts\":[…], \"start\":\"2027-06-12T14:00\", \"end\", "
            + "\"expectedAttendance\":5000, \"riskLevel\":\"low|medium|high\", \"officers\":[{\"name\", \"unit\","
            + " \"role\"}], \"checklist\":[\"…\"], \"afterActionNote\"}")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "invalid field")
    public Response create(String body) {
        Inputs in = Inputs.parse(body);
        EventPlan p = plans.create(fields(in), officers(in), in.texts("checklist", 100, 500));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(p.id())).build())
                .entity(plans.view(p)).build();
    }

    @PUT
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a plan's fields and officers (e.g. the after-action note)")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "no such plan in this city")
    public EventPlanView update(@PathParam("id") long id, String body) {
        Inputs in = Inputs.parse(body);
        return plans.view(plans.update(id, fields(in), officers(in)));
    }

    @POST
    @Path("{id: [0-9]+}/checklist")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a checklist item", description = "{\"text\":\"…\"}")
    @APIResponse(responseCode = "201", description = "added")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "no such plan in this city")
    public Response addCheck(@PathParam("id") long id, String body) {
        plans.addCheck(id, Inputs.parse(body).requiredText("text", 500));
        return Response.status(201).entity(plans.view(plans.require(id))).build();
    }

    @PUT
    @Path("{id: [0-9]+}/checklist/{check: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tick or untick a checklist item (records who)", description = "{\"done\":true}")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "no such plan or item in this city")
    public EventPlanView tick(@PathParam("id") long id, @PathParam("check") long check, String body) {
        plans.tick(id, check, Inputs.parse(body).bool("done", true));
        return plans.view(plans.require(id));
    }

    private List<EventPlans.OfficerFields> officers(Inputs in) {
        List<EventPlans.OfficerFields> out = new ArrayList<>();
        for (Inputs o : in.objects("officers", 200)) {
            out.add(new EventPlans.OfficerFields(o.requiredText("name", 200), o.text("unit", 200),
                    o.text("role", 100)));
        }
        return out;
    }

    private EventPlan.Fields fields(Inputs in) {
        String title = in.requiredText("title", 200);
        String organiser = in.requiredText("organiser", 200);
        String place = in.requiredText("place", 300);
        JsonObject geometry = in.object("geometry");
        if (geometry != null) {
            checkGeometry(geometry);
        }
        List<String> districts = in.texts("districts", 100, 60);
        LocalDateTime start = in.required("start", in.localDateTime("start"));
        LocalDateTime end = in.required("end", in.localDateTime("end"));
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("end", end + " is not after start " + start);
        }
        int attendance = in.required("expectedAttendance", in.integer("expectedAttendance", 0, 10_000_000));
        String risk = in.required("riskLevel", in.oneOf("riskLevel", EventPlan.RISK_LEVELS));
        var zone = bodies.zone();
        return new EventPlan.Fields(title, organiser, place, geometry == null ? null : geometry.toString(), districts,
                start.atZone(zone).toInstant(), end.atZone(zone).toInstant(), attendance, risk,
                in.text("afterActionNote", 4000));
    }

    /** A GeoJSON Point or Polygon with WGS84 lon/lat in range; 400 naming {@code geometry}. */
    static void checkGeometry(JsonObject g) {
        String type = g.containsKey("type") && g.get("type").getValueType() == JsonValue.ValueType.STRING
                ? g.getString("type") : "";
        try {
            JsonArray c = g.getJsonArray("coordinates");
            if ("Point".equals(type)) {
                position(c);
            } else if ("Polygon".equals(type)) {
                if (c.isEmpty()) {
                    throw new IllegalArgumentException("no ring");
                }
                for (JsonValue ring : c) {
                    JsonArray r = ring.asJsonArray();
                    if (r.size() < 4 || !r.get(0).equals(r.get(r.size() - 1))) {
                        throw new IllegalArgumentException("a ring needs ≥ 4 positions, first = last");
                    }
                    r.forEach(p -> position(p.asJsonArray()));
                }
            } else {
                throw new IllegalArgumentException("type must be Point or Polygon");
            }
        } catch (RuntimeException e) {
            throw ProblemException.invalid("geometry", "not a GeoJSON Point or Polygon in WGS84 lon/lat: "
                    + e.getMessage());
        }
    }

    private static void position(JsonArray p) {
        double lon = ((JsonNumber) p.get(0)).doubleValue();
        double lat = ((JsonNumber) p.get(1)).doubleValue();
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("lon/lat out of range");
        }
    }
}
