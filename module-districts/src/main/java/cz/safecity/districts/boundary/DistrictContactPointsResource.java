package cz.safecity.districts.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.ContactPoints;
import cz.safecity.districts.control.DistrictCodes;
import cz.safecity.districts.entity.ContactPointView;
import cz.safecity.platform.module.ModuleEndpoint;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/cities/{city}/districts/{code}/contact-points} — the police stations and info boxes of one district
 * (public). 404 when the code is not a district of the current boundary version.
 */
@Tag(name = "districts")
@Path("cities/{city}/districts/{code}/contact-points")
@ModuleEndpoint(DistrictsModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DistrictContactPointsResource {

    @Inject
    ContactPoints points;
    @Inject
    DistrictCodes districts;

    @GET
    @PermitAll
    @Operation(summary = "The contact points serving one district",
            description = "Public. Errors: 404 for an unknown district.")
    public List<ContactPointView> list(@PathParam("code") String code) {
        districts.requireCurrent(code);
        return points.list(code).stream().map(ContactPointView::of).toList();
    }
}
