package cz.safecity.stats.control;

import cz.safecity.platform.contract.DistrictDirectory;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantId;
import cz.safecity.stats.StatsModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** The city's stats settings (defaults in {@link StatsModule}) and the districts contract, checked. */
@ApplicationScoped
public class StatsSettings {

    @Inject
    ModuleRegistry modules;
    @Inject
    StatsModule module;
    @Inject
    Instance<DistrictDirectory> directories;

    public long integer(TenantId city, String key) {
        Object v = modules.settings(city, module).get(key);
        return v instanceof Number n ? n.longValue() : ((Number) module.settings().stream()
                .filter(s -> s.key().equals(key)).findFirst().orElseThrow().defaultValue()).longValue();
    }

    public boolean flag(TenantId city, String key) {
        return Boolean.TRUE.equals(modules.settings(city, module).get(key));
    }

    /**
     * The districts module's directory for {@code city}.
     *
     * @throws ProblemException 409 {@code districts-unavailable} when the districts module is not deployed or not
     *                          enabled for the city
     */
    public DistrictDirectory directory(TenantId city) {
        if (directories.isUnsatisfied() || !modules.isEnabled(city, "districts")) {
            throw new ProblemException(409, "districts-unavailable", "Districts unavailable",
                    "The districts module is not enabled for city '" + city.slug()
                            + "': records and survey answers cannot be assigned to districts.", null);
        }
        return directories.get();
    }
}
