package cz.safecity.districts.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.CityLocales;
import cz.safecity.districts.control.DistrictCodes;
import cz.safecity.districts.control.Recommendations;
import cz.safecity.districts.entity.RecommendationView;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.tenant.TenantContext;
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
 * {@code GET /api/cities/{city}/districts/{code}/recommendations?lang=} — the district's own recommendations, then
 * the city-wide ones, each by position, in the requested locale (default the city's). 400 naming {@code lang} for a
 * language the city does not publish in; 404 when the code is not a district of the current boundary version.
 */
@Tag(name = "districts")
@Path("cities/{city}/districts/{code}/recommendations")
@ModuleEndpoint(DistrictsModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DistrictRecommendationsResource {

    @Inject
    Recommendations recommendations;
    @Inject
    DistrictCodes districts;
    @Inject
    TenantContext tenant;

    @GET
    @PermitAll
    @Operation(summary = "The recommendations shown on one district's card",
            description = "Public. Errors: 400 for an unsupported lang, 404 for an unknown district.")
    public List<RecommendationView> list(@PathParam("code") String code, @QueryParam("lang") String lang) {
        String locale = CityLocales.choose(tenant.require().locales(), lang, "lang");
        districts.requireCurrent(code);
        return recommendations.forDistrict(code, locale).stream().map(RecommendationView::of).toList();
    }
}
