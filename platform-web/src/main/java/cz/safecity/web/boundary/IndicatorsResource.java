package cz.safecity.web.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/cities/{city}/indicators} — the statistics each module enabled in the city contributes
 * (its manifest's indicators with their current values), for the portal's passive part and for comparing cities.
 * Public.
 */
@Tag(name = "platform")
@Path("cities/{city}/indicators")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorsResource {

    @Inject
    ModuleRegistry registry;
    @Inject
    TenantContext tenant;

    /**
     * One indicator's value in the city; {@code value} is null when the module does not report it.
     *
     * @param unit e.g. {@code count}, {@code percent}, {@code hours}, {@code flag}
     */
    public record IndicatorValue(String module, String key, String title, String unit, Number value) {
    }

    @GET
    @PermitAll
    @Transactional
    @Operation(summary = "Indicators the city's enabled modules report, with current values",
            description = "Public. Errors: 404 for an unknown city.")
    public List<IndicatorValue> indicators(@PathParam("city") String city) {
        List<IndicatorValue> out = new ArrayList<>();
        for (CityModule m : registry.modules()) {
            if (!registry.isEnabled(tenant.id(), m.id()) || m.indicators().isEmpty()) {
                continue;
            }
            Map<String, Number> values = m.measure(tenant.id());
            m.indicators().forEach(i -> out.add(new IndicatorValue(m.id(), i.key(), i.title(), i.unit(),
                    values.get(i.key()))));
        }
        return out;
    }
}
