package cz.safecity.events.boundary;

import cz.safecity.platform.json.Inputs;
import cz.safecity.events.EventsModule;
import cz.safecity.events.control.Bodies;
import cz.safecity.events.control.Measures;
import cz.safecity.events.entity.Measure;
import cz.safecity.events.entity.MeasureView;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Roles;
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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Measures and their effectiveness reviews: {@code /api/cities/{city}/measures}. Public reads (overdue ones are
 * flagged and filterable); the city's staff create, update and review. Errors: 400 naming the field, 404 for another
 * city's id.
 */
@Path("cities/{city}/measures")
@ModuleEndpoint(EventsModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events")
public class MeasuresResource {

    @Context
    UriInfo uri;
    @Inject
    Measures measures;
    @Inject
    Bodies bodies;

    @GET
    @PermitAll
    @Operation(summary = "Measures, deadline first (?status=, ?district=, ?overdue=true)")
    @APIResponse(responseCode = "400", description = "unknown status")
    public List<MeasureView> list(@QueryParam("status") String status, @QueryParam("district") String district,
                                  @QueryParam("overdue") boolean overdue) {
        if (status != null && !Measure.STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "'" + status + "' is not one of "
                    + String.join(", ", Measure.STATUSES));
        }
        return measures.list(status, district == null || district.isBlank() ? null : district, overdue).stream()
                .map(m -> measures.view(m, false)).toList();
    }

    @GET
    @Path("{id: [0-9]+}")
    @PermitAll
    @Operation(summary = "One measure with its effectiveness reviews")
    @APIResponse(responseCode = "404", description = "no such measure in this city")
    public MeasureView get(@PathParam("id") long id) {
        return measures.view(measures.require(id), true);
    }

    @POST
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a measure", description = "{\"title\", \"description\", \"district\","
            + " \"riskPlaceId\", \"owner\":\"named person\", \"ownerUsername\", \"deadline\":\"2027-05-31\","
            + " \"status\":\"planned\", \"startedOn\", \"bodyId\"}")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "unknown body")
    public Response create(String body) {
        Measure m = measures.create(fields(Inputs.parse(body)));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(m.id())).build())
                .entity(measures.view(m, true)).build();
    }

    @PUT
    @Path("{id: [0-9]+}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a measure's fields (e.g. status done)")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "no such measure in this city")
    public MeasureView update(@PathParam("id") long id, String body) {
        return measures.view(measures.update(id, fields(Inputs.parse(body))), true);
    }

    @POST
    @Path("{id: [0-9]+}/reviews")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an effectiveness review (rating 1–5, note; offences before/after where the stats"
            + " module provides them)", description = "{\"rating\":4, \"note\":\"…\", \"reviewedOn\":\"2027-06-10\","
            + " \"meetingId\":7}")
    @APIResponse(responseCode = "201", description = "recorded; the measure with its reviews")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "no such measure in this city")
    public Response review(@PathParam("id") long id, String body) {
        Inputs in = Inputs.parse(body);
        int rating = in.required("rating", in.integer("rating", 1, 5));
        Integer meeting = in.integer("meetingId", 1, Integer.MAX_VALUE);
        measures.review(id, rating, in.text("note", 4000), in.date("reviewedOn"),
                meeting == null ? null : meeting.longValue());
        return Response.status(201).entity(measures.view(measures.require(id), true)).build();
    }

    private Measure.Fields fields(Inputs in) {
        String title = in.requiredText("title", 200);
        String description = in.text("description", 4000);
        String district = in.text("district", 60);
        Integer riskPlace = in.integer("riskPlaceId", 1, Integer.MAX_VALUE);
        String owner = in.requiredText("owner", 200);
        String ownerUsername = in.text("ownerUsername", 100);
        LocalDate deadline = in.required("deadline", in.date("deadline"));
        String status = in.oneOf("status", Measure.STATUSES);
        LocalDate started = in.date("startedOn");
        Integer body = in.integer("bodyId", 1, Integer.MAX_VALUE);
        return new Measure.Fields(title, description, district, riskPlace == null ? null : riskPlace.longValue(),
                owner, ownerUsername, deadline, status == null ? "planned" : status,
                started == null ? bodies.today() : started, body == null ? null : body.longValue());
    }
}
