package cz.safecity.stats;

import cz.safecity.platform.module.Action;
import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.Indicator;
import cz.safecity.platform.module.Setting;
import cz.safecity.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/** Manifest of the stats module: crime statistics and feeling-of-safety surveys per district and across cities (skeleton; filled by a later issue). */
@ApplicationScoped
public class StatsModule implements CityModule {

    @Override
    public String id() {
        return "stats";
    }

    @Override
    public String title() {
        return "Crime statistics and feeling of safety";
    }

    @Override
    public Set<Action> actions() {
        return Set.of(new Action("stats.import", Set.of(Roles.CITY_ADMIN, Roles.POLICE_OFFICER)));
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.bool("publishClearanceRate", true));
    }

    @Override
    public List<Indicator> indicators() {
        return List.of(new Indicator("stats.clearance-rate", "Clearance rate", "percent"));
    }
}
