package cz.safecity.districts.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.CityLocales;
import cz.safecity.districts.control.RecommendationInput;
import cz.safecity.districts.control.Recommendations;
import cz.safecity.districts.entity.Recommendation;
import cz.safecity.districts.entity.RecommendationView;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
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
 * Safety recommendations of a city: {@code /api/cities/{city}/recommendations}. Public reads in one of the city's
 * locales ({@code ?lang=}, default the city's default locale; a language-only match is accepted, e.g.
 * {@code en-GB} → {@code en}); the city-admin creates, replaces and deletes them (audited). Body: see
 * {@link RecommendationInput}. A district's list (its own, then the city-wide ones) is
 * {@code GET /api/cities/{city}/districts/{code}/recommendations} ({@link DistrictRecommendationsResource}).
 * Errors: 400 naming {@code lang}, {@code locale} or a body field; 404 for an id of another city or a district
 * code not in the current boundary version.
 */
@Tag(name = "districts")
@Path("cities/{city}/recommendations")
@ModuleEndpoint(DistrictsModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationsResource {

    @Inject
    Recommendations recommendations;
    @Inject
    TenantContext tenant;

    /**
     * Recommendations in one locale: {@code ?scope=city} (default) only the city-wide ones, {@code ?scope=all} also
     * every district's (ordered by district, position).
     */
    @GET
    @PermitAll
    @Operation(summary = "The city's recommendations",
            description = "Public. Errors: 400 for an unsupported lang or scope.")
    public List<RecommendationView> list(@QueryParam("lang") String lang, @QueryParam("scope") String scope) {
        String locale = CityLocales.choose(tenant.require().locales(), lang, "lang");
        List<Recommendation> found;
        if (scope == null || scope.isBlank() || "city".equals(scope)) {
            found = recommendations.cityWide(locale);
        } else if ("all".equals(scope)) {
            found = recommendations.all(locale);
        } else {
            throw cz.safecity.platform.problem.ProblemException.invalid("scope", "'" + scope
                    + "' is not one of city, all");
        }
        return found.stream().map(RecommendationView::of).toList();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One recommendation",
            description = "Public. Errors: 404 for an unknown id.")
    public RecommendationView get(@PathParam("id") long id) {
        return RecommendationView.of(recommendations.require(id));
    }

    /** 201 with Location. */
    @POST
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a recommendation",
            description = "City-admin. Audited. Errors: 400 naming the field, or body for a body that is not one "
                    + "JSON object.")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    public Response create(String body, @Context UriInfo uri) {
        Recommendation r = recommendations.create(RecommendationInput.parse(Bodies.object(body),
                tenant.require().locales()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(r.id())).build())
                .entity(RecommendationView.of(r)).build();
    }

    /** Replaces every field (an absent {@code position} keeps the current one). */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a recommendation",
            description = "City-admin. Audited. Errors: 400 naming the field, 404 unknown id.")
    public RecommendationView update(@PathParam("id") long id, String body) {
        return RecommendationView.of(recommendations.update(id,
                RecommendationInput.parse(Bodies.object(body), tenant.require().locales())));
    }

    /** 204. */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Delete a recommendation",
            description = "City-admin. Audited. Errors: 404 unknown id.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id) {
        recommendations.delete(id);
        return Response.noContent().build();
    }
}
