package cz.safecity.districts.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.CityLocator;
import cz.safecity.platform.module.ModuleEndpoint;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/locate?lat=&lon=} (public, not city-scoped): which onboarded city contains the point (by its
 * municipal outline) and which of its districts — for a regional portal. Answers
 * {@code {lon, lat, city: {slug, name}, located: {…district card…} | null, note, alsoIn: [...]}}; 400 naming
 * {@code lat}/{@code lon}; 404 {@code outside-cities} when no onboarded city with the districts module contains the
 * point. See {@link CityLocator} for how the city's tenant is entered.
 */
@Tag(name = "districts")
@Path("locate")
@RequestScoped
@ModuleEndpoint(DistrictsModule.ID)
@Produces(MediaType.APPLICATION_JSON)
public class RegionalLocateResource {

    @Inject
    CityLocator locator;

    @GET
    @PermitAll
    @Operation(summary = "Which onboarded city (and district) contains a point",
            description = "Public, not city-scoped. Errors: 400 naming lat or lon, 404 when no city contains the "
                    + "point.")
    @APIResponse(responseCode = "404", description = "No onboarded city contains the point")
    public CityLocator.RegionalLocation locate(@QueryParam("lat") String lat, @QueryParam("lon") String lon) {
        double latitude = Params.latitude(lat);
        double longitude = Params.longitude(lon);
        return locator.locate(longitude, latitude);
    }
}
