package cz.safecity.web.boundary;

import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantDirectory;
import cz.safecity.web.control.CityOffboarding;
import cz.safecity.web.control.CityOnboarding;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cities (tenants). {@code GET /api/cities} and {@code GET /api/cities/{city}} are public;
 * {@code POST /api/cities} (platform-admin) onboards a city: stores it, enables its default modules and
 * provisions its Keycloak Organization and role groups; {@code DELETE /api/cities/{city}} (platform-admin) offboards
 * it.
 */
@Path("cities")
@Tag(name = "platform", description = "Cities, modules, staff roles, audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CitiesResource {

    @Inject
    TenantDirectory directory;
    @Inject
    TenantContext tenant;
    @Inject
    CityOnboarding onboarding;
    @Inject
    CityOffboarding offboarding;

    /** All onboarded cities, sorted by slug. */
    @GET
    @PermitAll
    @Operation(summary = "List all onboarded cities",
            description = "Public. Sorted by slug. Errors: none specific to this operation.")
    public List<CityView> list() {
        return directory.all().stream().map(CityView::of).toList();
    }

    /** One city; 404 problem for an unknown slug. */
    @GET
    @Path("{city}")
    @PermitAll
    @Operation(summary = "One city", description = "Public. Errors: 404 problem for an unknown city.")
    @APIResponse(responseCode = "404", description = "Unknown city (problem+json)")
    public CityView get(@PathParam("city") String city) {
        return CityView.of(tenant.require());
    }

    /**
     * Onboards a city. 201 with Location; 409 when the slug exists; 400 naming the field for bad input.
     */
    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Onboard a city",
            description = "Stores the city, enables its default modules and provisions its Keycloak Organization and "
                    + "role groups. Errors: 400 naming the field, 409 when the slug exists, 502 when Keycloak cannot "
                    + "be reached.")
    @APIResponse(responseCode = "201", description = "Onboarded; Location names the city")
    @APIResponse(responseCode = "400", description = "Invalid input, the field named (problem+json)")
    @APIResponse(responseCode = "409", description = "The slug exists (problem+json)")
    @APIResponse(responseCode = "502", description = "Keycloak unavailable (problem+json)")
    public Response create(@Valid @NotNull NewCity request, @Context UriInfo uri) {
        Tenant created = onboarding.onboard(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.slug()).build())
                .entity(CityView.of(created)).build();
    }

    /**
     * Offboards a city: removes its data from every module and the platform, its Keycloak Organization and role
     * groups and its cached entries, and records who did it in the platform-level audit. With {@code dryRun=true}
     * only lists, per module and table, the rows that would go.
     */
    @DELETE
    @Path("{city}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Offboard a city (or preview it with dryRun=true)",
            description = "Removes everything of the city in one transaction: each module's rows "
                    + "(CityModule.offboard), module enablement, the city's audit trail, the city itself, then its Keycloak Organization and "
                    + "groups. The platform-level audit (GET /api/platform/audit) keeps who offboarded it. Errors: 404 "
                    + "unknown city, 409 when a module left rows behind (nothing removed), 502 Keycloak unavailable "
                    + "(nothing removed).")
    @APIResponse(responseCode = "200", description = "What was (or, for a dry run, would be) removed")
    @APIResponse(responseCode = "404", description = "Unknown city (problem+json)")
    @APIResponse(responseCode = "409", description = "Rows left in a table no module removes (problem+json)")
    @APIResponse(responseCode = "502", description = "Keycloak unavailable (problem+json)")
    public CityOffboarding.Report offboard(@PathParam("city") String city,
                                           @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return dryRun ? offboarding.preview(tenant.id()) : offboarding.offboard(tenant.id());
    }
}
