package cz.safecity.web.boundary;

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
 * Module manifests and their enablement per city.
 * <ul>
 *   <li>{@code GET /api/modules} — deployed modules with actions, settings and indicators (public);</li>
 *   <li>{@code GET /api/cities/{city}/modules} — each module's state and effective settings in the city (public);</li>
 *   <li>{@code PUT /api/cities/{city}/modules/{module}} — enable/disable and set settings (city-admin).</li>
 * </ul>
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModulesResource {

    @Inject
    ModuleRegistry registry;
    @Inject
    TenantContext tenant;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;

    public record ModuleView(String id, String title, List<Map<String, Object>> actions,
                             List<Map<String, Object>> settings, List<Map<String, Object>> indicators) {
        static ModuleView of(CityModule m) {
            return new ModuleView(m.id(), m.title(),
                    m.actions().stream().sorted((a, b) -> a.name().compareTo(b.name()))
                            .map(a -> Map.<String, Object>of("name", a.name(), "roles", a.roles().stream().sorted().toList()))
                            .toList(),
                    m.settings().stream().map(s -> Map.<String, Object>of("key", s.key(), "type", s.type().name(),
                            "default", s.defaultValue())).toList(),
                    m.indicators().stream().map(i -> Map.<String, Object>of("key", i.key(), "title", i.title(),
                            "unit", i.unit())).toList());
        }
    }

    /** State of a module in a city; {@code changedAt} ISO 8601 UTC, null if never changed. */
    public record CityModuleView(String module, boolean enabled, Map<String, Object> settings, String changedAt,
                                 String changedBy) {
    }

    /** Body of the PUT: {@code enabled} required; {@code settings} optional key → value. */
    public record ModuleChange(@NotNull Boolean enabled, Map<String, Object> settings) {
    }

    @GET
    @Path("modules")
    @PermitAll
    public List<ModuleView> modules() {
        return registry.modules().stream().map(ModuleView::of).toList();
    }

    @GET
    @Path("cities/{city}/modules")
    @PermitAll
    @Transactional
    public List<CityModuleView> cityModules(@PathParam("city") String city) {
        return registry.modules().stream().map(m -> view(m)).toList();
    }

    /** 404 for an unknown module; 400 naming {@code settings.<key>} for a bad setting. */
    @PUT
    @Path("cities/{city}/modules/{module}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
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
