package cz.safecity.districts.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.FeatureMapping;
import cz.safecity.districts.control.HierarchyStore;
import cz.safecity.districts.entity.Borough;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Boroughs (units between city and district, <i>městský obvod</i>): {@code GET /api/cities/{city}/boroughs} and
 * {@code GET …/boroughs/{code}} (public), {@code PUT …/boroughs/{code}} and {@code DELETE …/boroughs/{code}}
 * (city-admin).
 */
@Tag(name = "districts")
@Path("cities/{city}/boroughs")
@RequestScoped
@ModuleEndpoint(DistrictsModule.ID)
@Produces(MediaType.APPLICATION_JSON)
public class BoroughsResource {

    /**
     * A borough.
     *
     * @param parent     code of the borough of the level above, or null under the city
     * @param population inhabitants, optional
     */
    public record BoroughView(String code, String name, String level, String parent, Integer population) {
    }

    /**
     * Body of PUT.
     *
     * @param level  level key (default: the first level below the city)
     * @param parent code of a borough of the level above (required below the first borough level)
     */
    public record BoroughSpec(@NotBlank @Size(max = 200) String name, @Size(max = 40) String level,
                              @Size(max = 60) String parent, @PositiveOrZero Integer population) {
    }

    @Inject
    HierarchyStore hierarchy;
    @Inject
    AuditLog audit;

    /** All boroughs of the city, by code. */
    @GET
    @PermitAll
    @Operation(summary = "The city's boroughs",
            description = "Public. Errors: 404 unknown city or districts disabled.")
    public List<BoroughView> list(@PathParam("city") String city) {
        List<Borough> all = hierarchy.boroughs();
        Map<Long, String> codes = new HashMap<>();
        all.forEach(b -> codes.put(b.id(), b.code()));
        return all.stream().map(b -> view(b, codes.get(b.parentId()))).toList();
    }

    /** One borough; 404 when the city has none with that code. */
    @GET
    @Path("{code}")
    @PermitAll
    @Operation(summary = "One borough",
            description = "Public. Errors: 404 for an unknown borough code.")
    public BoroughView get(@PathParam("city") String city, @PathParam("code") String code) {
        Borough b = hierarchy.borough(code).orElseThrow(() -> ProblemException.notFound("Borough", code));
        Borough parent = hierarchy.boroughById(b.parentId());
        return view(b, parent == null ? null : parent.code());
    }

    /**
     * Creates or updates a borough. 200 with the borough; 400 naming the field (bad code, level or parent);
     * 409 when the city's hierarchy has no borough level.
     */
    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Create or update a borough",
            description = "City-admin. Audited. Errors: 400 naming the field (e.g. an unknown parent), 404 unknown "
                    + "city.")
    public BoroughView put(@PathParam("city") String city, @PathParam("code") String code,
                           @Valid @NotNull BoroughSpec spec) {
        if (!FeatureMapping.CODE.matcher(code).matches()) {
            throw ProblemException.invalid("code", "1–60 letters, digits, '.', '_', '~' or '-'");
        }
        Borough b = hierarchy.save(code, spec.name().strip(), Params.blankToNull(spec.level()),
                Params.blankToNull(spec.parent()), spec.population());
        audit.record("districts.borough.saved", "borough", code, spec.name());
        return view(b, Params.blankToNull(spec.parent()));
    }

    /** Deletes a borough; 204; 404 unknown; 409 while districts or boroughs refer to it. */
    @DELETE
    @Path("{code}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Transactional
    @Operation(summary = "Delete a borough",
            description = "City-admin. Audited. Errors: 404 unknown borough, 409 while districts or child boroughs "
                    + "refer to it.")
    @APIResponse(responseCode = "409", description = "Still referred to")
    public Response delete(@PathParam("city") String city, @PathParam("code") String code) {
        hierarchy.delete(code);
        audit.record("districts.borough.deleted", "borough", code, null);
        return Response.noContent().build();
    }

    private static BoroughView view(Borough b, String parentCode) {
        return new BoroughView(b.code(), b.name(), b.level(), parentCode, b.population());
    }
}
