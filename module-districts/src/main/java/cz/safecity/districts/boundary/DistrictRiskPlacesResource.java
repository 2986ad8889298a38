package cz.safecity.districts.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.DistrictCodes;
import cz.safecity.districts.control.RiskPlaces;
import cz.safecity.districts.entity.RiskPlaceView;
import cz.safecity.platform.module.ModuleEndpoint;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/cities/{city}/districts/{code}/risk-places?status=} — the risk places of one district, newest
 * report first (public). 400 naming {@code status} for an unknown status; 404 when no boundary version of the city
 * has the code.
 */
@Tag(name = "districts")
@Path("cities/{city}/districts/{code}/risk-places")
@ModuleEndpoint(DistrictsModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DistrictRiskPlacesResource {

    @Inject
    RiskPlaces places;
    @Inject
    DistrictCodes districts;

    @GET
    @PermitAll
    @Operation(summary = "The risk places in one district",
            description = "Public. Errors: 400 for an unknown status, 404 for an unknown district.")
    public List<RiskPlaceView> list(@PathParam("code") String code, @QueryParam("status") String status) {
        String filter = RiskPlacesResource.status(status);
        districts.requireEverKnown(code);
        return places.list(code, filter).stream().map(RiskPlaces::view).toList();
    }
}
