package cz.safecity.events.boundary;

import cz.safecity.platform.json.Inputs;
import cz.safecity.events.EventsModule;
import cz.safecity.events.control.BodyInput;
import cz.safecity.events.control.Bodies;
import cz.safecity.events.control.SeedCadences;
import cz.safecity.events.entity.Body;
import cz.safecity.events.entity.BodyView;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bodies of a city and their members: {@code /api/cities/{city}/bodies}. Public reads; the city-admin configures.
 * Errors: 400 naming the field (kind, scope, rrule…), 422 naming {@code rrule} for a series over the city's
 * {@code maxOccurrences}, 401/403 for writes without the role, 404 for another city's id.
 */
@Path("cities/{city}/bodies")
@ModuleEndpoint(EventsModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events", description = "Bodies, meeting cadences, measures, public meetings, plans and projects")
public class BodiesResource {

    @PathParam("city")
    String city;
    @Context
    UriInfo uri;
    @Inject
    Bodies bodies;
    @Inject
    SeedCadences seed;

    @GET
    @PermitAll
    @Operation(summary = "List the city's bodies (id, kind, name, scope, the series' rrule, icalUrl)")
    @APIResponse(responseCode = "200", description = "bodies by name")
    @APIResponse(responseCode = "400", description = "unknown kind")
    public List<BodyView> list(@QueryParam("kind") String kind) {
        if (kind != null && !Body.KINDS.contains(kind)) {
            throw ProblemException.invalid("kind", "'" + kind + "' is not one of " + String.join(", ", Body.KINDS));
        }
        return bodies.list(kind).stream().map(b -> Views.body(b, city, uri, null)).toList();
    }

    @POST
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a body with its meeting series (RFC 5545 RRULE in the city's zone) and members")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "invalid field (e.g. rrule)")
    @APIResponse(responseCode = "422", description = "series over the city's maximum of occurrences")
    public Response create(String body) {
        Body b = bodies.create(BodyInput.parse(Inputs.parse(body)));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(b.id())).build())
                .entity(Views.body(b, city, uri, bodies.members(b.id()))).build();
    }

    @GET
    @Path("templates")
    @PermitAll
    @Operation(summary = "Seed cadence templates offered (Sokolov, Plzeň)")
    public List<SeedCadences.Template> templates() {
        return SeedCadences.TEMPLATES;
    }

    @POST
    @Path("seed")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create the bodies of a seed template with its default cadences",
            description = "{\"template\":\"sokolov\"|\"plzen\", \"start\":\"2027-01-07\", \"time\":\"17:00\","
                    + " \"boroughs\":10}; bodies that already exist (same kind and name) are kept")
    @APIResponse(responseCode = "201", description = "the bodies of the template")
    @APIResponse(responseCode = "400", description = "unknown template or invalid field")
    public Response seed(String body) {
        List<Body> created = seed.apply(Inputs.parse(body));
        return Response.status(201).entity(created.stream().map(b -> Views.body(b, city, uri, null)).toList())
                .build();
    }
}
