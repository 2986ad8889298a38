package cz.safecity.events.boundary;

import cz.safecity.platform.json.Inputs;
import cz.safecity.events.EventsModule;
import cz.safecity.events.control.Projects;
import cz.safecity.events.entity.PreventionProject;
import cz.safecity.events.entity.ProjectView;
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
 * Prevention projects per target group: {@code /api/cities/{city}/prevention-projects} (public list, per district
 * with {@code ?district=}); the city's staff edit. Errors: 400 naming the field, 404 for another city's id.
 */
@Path("cities/{city}/prevention-projects")
@ModuleEndpoint(EventsModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "events")
public class ProjectsResource {

    @Context
    UriInfo uri;
    @Inject
    Projects projects;

    @GET
    @PermitAll
    @Operation(summary = "Prevention projects with activities (?targetGroup=, ?district= for one district's view)")
    @APIResponse(responseCode = "400", description = "unknown target group")
    public List<ProjectView> list(@QueryParam("targetGroup") String group, @QueryParam("district") String district) {
        if (group != null && !PreventionProject.TARGET_GROUPS.contains(group)) {
            throw ProblemException.invalid("targetGroup", "'" + group + "' is not one of "
                    + String.join(", ", PreventionProject.TARGET_GROUPS));
        }
        return projects.list(group, district == null || district.isBlank() ? null : district);
    }

    @GET
    @Path("{id: [0-9]+}")
    @PermitAll
    @Operation(summary = "One prevention project with its activities")
    @APIResponse(responseCode = "404", description = "no such project in this city")
    public ProjectView get(@PathParam("id") long id) {
        return projects.get(id);
    }

    @POST
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a prevention project", description = "{\"name\":\"Senioři I.\","
            + " \"targetGroup\":\"seniors|children|youth|foreigners|others\", \"description\"}")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "400", description = "invalid field")
    public Response create(String body) {
        Inputs in = Inputs.parse(body);
        PreventionProject p = projects.create(in.requiredText("name", 200), group(in), in.text("description", 4000));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(p.id())).build())
                .entity(projects.get(p.id())).build();
    }

    @PUT
    @Path("{id: [0-9]+}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename or re-describe a project")
    @APIResponse(responseCode = "400", description = "invalid field")
    @APIResponse(responseCode = "404", description = "no such project in this city")
    public ProjectView update(@PathParam("id") long id, String body) {
        Inputs in = Inputs.parse(body);
        projects.update(id, in.requiredText("name", 200), group(in), in.text("description", 4000));
        return projects.get(id);
    }

    @POST
    @Path("{id: [0-9]+}/activities")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an activity", description = "{\"title\", \"startsOn\":\"2027-03-01\", \"endsOn\","
            + " \"districts\":[\"1\",\"2\"], \"participants\":40}")
    @APIResponse(responseCode = "201", description = "added")
    @APIResponse(responseCode = "400", description = "invalid field (end before start…)")
    @APIResponse(responseCode = "404", description = "no such project in this city")
    public Response addActivity(@PathParam("id") long id, String body) {
        Inputs in = Inputs.parse(body);
        LocalDate from = in.required("startsOn", in.date("startsOn"));
        LocalDate to = in.date("endsOn");
        Integer participants = in.integer("participants", 0, 10_000_000);
        projects.addActivity(id, in.requiredText("title", 200), from, to == null ? from : to,
                in.texts("districts", 100, 60), participants == null ? 0 : participants);
        return Response.status(201).entity(projects.get(id)).build();
    }

    private static String group(Inputs in) {
        return in.required("targetGroup", in.oneOf("targetGroup", PreventionProject.TARGET_GROUPS));
    }
}
