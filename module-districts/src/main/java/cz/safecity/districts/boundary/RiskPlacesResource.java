package cz.safecity.districts.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.DistrictCodes;
import cz.safecity.districts.control.RiskPlaceInput;
import cz.safecity.districts.control.RiskPlaces;
import cz.safecity.districts.entity.RiskPlace;
import cz.safecity.districts.entity.RiskPlaceView;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.problem.ProblemException;
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
 * Risk places of a city: {@code /api/cities/{city}/risk-places}. Public reads (optionally {@code ?status=} and
 * {@code ?district=}); the city's staff — city-admin, police officer, constable, councillor of that city — record
 * and update them, the city-admin deletes one recorded by mistake; all audited. Body: see {@link RiskPlaceInput}.
 * A district's list is {@code GET /api/cities/{city}/districts/{code}/risk-places}
 * ({@link DistrictRiskPlacesResource}). Errors: 400 naming the field ({@code geometry} invalid or larger than 5 km²,
 * {@code status}…); 401 without a token; 403 for roles of another city; 404 for an id of another city or a district
 * code not in the current boundary version.
 */
@Tag(name = "districts")
@Path("cities/{city}/risk-places")
@ModuleEndpoint(DistrictsModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RiskPlacesResource {

    @Inject
    RiskPlaces places;
    @Inject
    DistrictCodes districts;

    /** Newest report first. */
    @GET
    @PermitAll
    @Operation(summary = "The city's risk places",
            description = "Public. Errors: 400 for an unknown status, 404 unknown city.")
    public List<RiskPlaceView> list(@QueryParam("status") String status, @QueryParam("district") String district) {
        return places.list(district == null || district.isBlank() ? null : district, status(status)).stream()
                .map(RiskPlaces::view).toList();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One risk place",
            description = "Public. Errors: 404 for an unknown id.")
    public RiskPlaceView get(@PathParam("id") long id) {
        return RiskPlaces.view(places.require(id));
    }

    /** 201 with Location; {@code createdBy}/{@code updatedBy} are the caller's display name. */
    @POST
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a risk place (point or polygon)",
            description = "Any city role. Audited. Errors: 400 naming the field, or body for a body that is not one "
                    + "JSON object.")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    public Response create(String body, @Context UriInfo uri) {
        RiskPlace r = places.create(RiskPlaceInput.parse(Bodies.object(body), districts.today()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(r.id())).build())
                .entity(RiskPlaces.view(r)).build();
    }

    /** Replaces every field (status changes included). */
    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a risk place",
            description = "Any city role. Audited. Errors: 400 naming the field, 404 unknown id.")
    public RiskPlaceView update(@PathParam("id") long id, String body) {
        return RiskPlaces.view(places.update(id, RiskPlaceInput.parse(Bodies.object(body), districts.today())));
    }

    /** 204; city-admin only (a mistaken entry — a dealt-with place is {@code resolved}, not deleted). */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Delete a risk place",
            description = "City-admin. Audited. Errors: 404 unknown id.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        places.delete(id);
        return Response.noContent().build();
    }

    /** Validates a {@code ?status=} filter; null when absent. */
    static String status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        if (!RiskPlace.STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "'" + status + "' is not one of "
                    + String.join(", ", RiskPlace.STATUSES));
        }
        return status;
    }
}
