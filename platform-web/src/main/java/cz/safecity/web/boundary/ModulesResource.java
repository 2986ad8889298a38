package cz.safecity.web.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.ModuleRegistry;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/modules} — the deployed modules' manifests: actions, settings with defaults, indicators
 * (public). Per-city enablement: {@link CityModulesResource}.
 */
@Tag(name = "platform")
@Path("modules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ModulesResource {

    @Inject
    ModuleRegistry registry;

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

    @GET
    @PermitAll
    @Operation(summary = "The deployed modules' manifests (actions, settings, indicators)",
            description = "Public. Errors: none specific (only a server fault).")
    public List<ModuleView> modules() {
        return registry.modules().stream().map(ModuleView::of).toList();
    }
}
