package cz.safecity.messaging;

import cz.safecity.platform.module.Action;
import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.Indicator;
import cz.safecity.platform.module.Setting;
import cz.safecity.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Manifest of the messaging module: two-way communication between citizens and working groups, and the escalation ladder (skeleton; filled by a later issue). */
@ApplicationScoped
public class MessagingModule implements CityModule {

    @Override
    public String id() {
        return "messaging";
    }

    @Override
    public String title() {
        return "Messaging";
    }

    @Override
    public Set<Action> actions() {
        return Set.of(new Action("matter.submit", Set.of()), new Action("matter.reply", Set.of(Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR)), new Action("matter.escalate", Set.of(Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR)));
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.duration("ackDeadline", Duration.ofDays(2)), Setting.integer("retentionDays", 365));
    }

    @Override
    public List<Indicator> indicators() {
        return List.of(new Indicator("messaging.median-response-time", "Median first response time", "hours"));
    }
}
