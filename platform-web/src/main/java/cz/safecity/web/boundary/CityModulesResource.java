package cz.safecity.web.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.module.TenantModule;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Module enablement per city.
 * <ul>
 *   <li>{@code GET /api/cities/{city}/modules} — each module's state and effective settings in the city (public);</li>
 *   <li>{@code PUT /api/cities/{city}/modules/{module}} — enable/disable and set settings (city-admin); 404 for an
 *       unknown module, 400 naming {@code settings.<key>} for a bad setting.</li>
 * </ul>
 */
@Tag(name = "platform")
@Path("cities/{city}/modules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CityModulesResource {

    @Inject
    ModuleRegistry registry;
    @Inject
    TenantContext tenant;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;

    /** State of a module in a city; {@code changedAt} ISO 8601 UTC, null if never changed. */
    public record CityModuleView(String module, boolean enabled, Map<String, Object> settings, String changedAt,
                                 String changedBy) {
    }

    /** Body of the PUT: {@code enabled} required; {@code settings} optional key → value. */
    public record ModuleChange(@NotNull Boolean enabled, Map<String, Object> settings) {
    }

    @GET
    @PermitAll
    @Transactional
    @Operation(summary = "Each module's state and effective settings in the city",
            description = "Public. Errors: 404 for an unknown city.")
    public List<CityModuleView> cityModules(@PathParam("city") String city) {
        return registry.modules().stream().map(m -> view(m)).toList();
    }

    /** 404 for an unknown module; 400 naming {@code settings.<key>} for a bad setting. */
    @PUT
    @Path("{module}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Enable or disable a module for the city and set its settings",
            description = "City-admin. Audited. Errors: 400 naming settings.<key> for a bad setting or enabled "
                    + "missing, 404 for an unknown module.")
    @APIResponse(responseCode = "404", description = "Unknown city or module")
    public CityModuleView change(@PathParam("city") String city, @PathParam("module") String module,
                                 @NotNull @jakarta.validation.Valid ModuleChange change) {
        CityModule m = registry.module(module).orElseThrow(() -> ProblemException.notFound("Module", module));
        registry.toggle(tenant.id(), module, change.enabled(),
                change.settings() == null ? Map.of() : change.settings(), caller.personId());
        audit.record(change.enabled() ? "platform.module.enabled" : "platform.module.disabled", "module", module,
                change.settings() == null ? null : change.settings().toString());
        return view(m);
    }

    private CityModuleView view(CityModule m) {
        TenantModule row = registry.state(tenant.id(), m.id()).orElse(null);
        return new CityModuleView(m.id(), row != null && row.enabled(), registry.settings(tenant.id(), m),
                row == null ? null : row.changedAt().toString(), row == null ? null : row.changedBy());
    }
}
