package cz.safecity.districts.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.ContactPointInput;
import cz.safecity.districts.control.ContactPoints;
import cz.safecity.districts.entity.ContactPoint;
import cz.safecity.districts.entity.ContactPointView;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.security.Roles;
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
import java.util.List;

/**
 * Police stations and info boxes of a city: {@code /api/cities/{city}/contact-points}. Public reads; the city-admin
 * creates, replaces and deletes them (audited). Body: see {@link ContactPointInput}. The per-district list is
 * {@code GET /api/cities/{city}/districts/{code}/contact-points} ({@link DistrictContactPointsResource}).
 * Errors: 400 naming the field ({@code lat}/{@code lon} out of range, {@code kind} unknown…); 404 for an id of
 * another city or a district code not in the current boundary version.
 */
@Tag(name = "districts")
@Path("cities/{city}/contact-points")
@ModuleEndpoint(DistrictsModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ContactPointsResource {

    @Inject
    ContactPoints points;

    /** All points of the city, or of one district ({@code ?district=CODE}); kind order, then name. */
    @GET
    @PermitAll
    @Operation(summary = "The city's contact points (police stations, offices)",
            description = "Public. Errors: 400 for a bad district filter, 404 unknown city.")
    public List<ContactPointView> list(@QueryParam("district") String district) {
        return points.list(district == null || district.isBlank() ? null : district).stream()
                .map(ContactPointView::of).toList();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One contact point",
            description = "Public. Errors: 404 for an unknown id (also another city's).")
    public ContactPointView get(@PathParam("id") long id) {
        return ContactPointView.of(points.require(id));
    }

    /** 201 with Location. */
    @POST
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a contact point",
            description = "City-admin. Audited. Errors: 400 naming the field, or body for a body that is not one "
                    + "JSON object.")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    public Response create(String body, @Context UriInfo uri) {
        ContactPoint p = points.create(ContactPointInput.parse(Bodies.object(body)));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(p.id())).build())
                .entity(ContactPointView.of(p)).build();
    }

    /** Replaces every field. */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a contact point",
            description = "City-admin. Audited. Errors: 400 naming the field, 404 unknown id.")
    public ContactPointView update(@PathParam("id") long id, String body) {
        return ContactPointView.of(points.update(id, ContactPointInput.parse(Bodies.object(body))));
    }

    /** 204. */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Delete a contact point",
            description = "City-admin. Audited. Errors: 404 unknown id.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        points.delete(id);
        return Response.noContent().build();
    }
}
