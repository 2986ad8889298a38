package cz.safecity.events;

import cz.safecity.platform.module.Action;
import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.Indicator;
import cz.safecity.platform.module.Setting;
import cz.safecity.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/** Manifest of the events module: working-group meetings on a cadence, public meetings and evaluation of measures (skeleton; filled by a later issue). */
@ApplicationScoped
public class EventsModule implements CityModule {

    @Override
    public String id() {
        return "events";
    }

    @Override
    public String title() {
        return "Meetings and public events";
    }

    @Override
    public Set<Action> actions() {
        return Set.of(new Action("meeting.schedule", Set.of(Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR)));
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.string("narrowGroupCadence", "FREQ=WEEKLY;INTERVAL=2"));
    }

    @Override
    public List<Indicator> indicators() {
        return List.of(new Indicator("events.meetings-held", "Meetings held", "count"));
    }
}
