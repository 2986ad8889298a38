package cz.safecity.web.boundary;

import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantDirectory;
import cz.safecity.web.control.CityOnboarding;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;

/**
 * Cities (tenants). {@code GET /api/cities} and {@code GET /api/cities/{city}} are public;
 * {@code POST /api/cities} (platform-admin) onboards a city: stores it, enables its default modules and
 * provisions its Keycloak Organization and role groups.
 */
@Path("cities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CitiesResource {

    @Inject
    TenantDirectory directory;
    @Inject
    TenantContext tenant;
    @Inject
    CityOnboarding onboarding;

    /** All onboarded cities, sorted by slug. */
    @GET
    @PermitAll
    public List<CityView> list() {
        return directory.all().stream().map(CityView::of).toList();
    }

    /** One city; 404 problem for an unknown slug. */
    @GET
    @Path("{city}")
    @PermitAll
    public CityView get(@PathParam("city") String city) {
        return CityView.of(tenant.require());
    }

    /**
     * Onboards a city. 201 with Location; 409 when the slug exists; 400 naming the field for bad input.
     */
    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull NewCity request, @Context UriInfo uri) {
        Tenant created = onboarding.onboard(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.slug()).build())
                .entity(CityView.of(created)).build();
    }
}
