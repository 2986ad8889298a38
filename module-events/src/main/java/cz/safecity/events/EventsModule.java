package cz.safecity.events;

import cz.safecity.events.control.Bodies;
import cz.safecity.events.control.DistrictCheck;
import cz.safecity.events.control.EventsSettings;
import cz.safecity.events.control.Indicators;
import cz.safecity.events.control.MatterScheduler;
import cz.safecity.events.control.Meetings;
import cz.safecity.events.control.Offboarding;
import cz.safecity.events.control.PublicMeetings;
import cz.safecity.events.control.RegistrantErasure;
import cz.safecity.platform.module.Action;
import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.Indicator;
import cz.safecity.platform.module.Setting;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Manifest of the events module: bodies and their meeting cadences (RFC 5545 series, iCalendar feeds), agendas,
 * attendance, minutes, decisions, measures with effectiveness reviews, public meetings with registration, public-order
 * plans for cultural and sports events, prevention projects. Tables {@code events_*}, migrations
 * {@code db/migration/events}, persistence unit {@code events}.
 */
@ApplicationScoped
public class EventsModule implements CityModule {

    /** Module id, table prefix and persistence unit name. */
    public static final String ID = "events";
    /** Setting: most occurrences a series may have. */
    public static final String MAX_OCCURRENCES = "maxOccurrences";
    /** Setting: years within which the occurrences of a rule without COUNT or UNTIL are counted. */
    public static final String SERIES_HORIZON_YEARS = "seriesHorizonYears";
    /** Setting: days after a public meeting when its registrants' personal data is erased. */
    public static final String REGISTRANT_RETENTION_DAYS = "registrantRetentionDays";

    static final Set<String> STAFF = Set.of(Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE,
            Roles.COUNCILLOR);
    public static final Action READ = new Action("events.read", Set.of());
    public static final Action CONFIGURE_BODIES = new Action("events.bodies.configure", Set.of(Roles.CITY_ADMIN));
    public static final Action RUN_MEETINGS = new Action("events.meetings.run", STAFF);
    public static final Action MANAGE_MEASURES = new Action("events.measures.manage", STAFF);
    public static final Action ANNOUNCE_PUBLIC_MEETINGS = new Action("events.public-meetings.announce", STAFF);
    public static final Action REGISTER = new Action("events.public-meetings.register", Set.of());
    public static final Action PLAN_PUBLIC_ORDER = new Action("events.plans.manage", STAFF);
    public static final Action MANAGE_PROJECTS = new Action("events.projects.manage", STAFF);
    public static final Action RUN_JOBS = new Action("events.jobs.run", Set.of(Roles.PLATFORM_ADMIN));

    @Inject
    Instance<Indicators> indicators;
    @Inject
    Instance<Offboarding> offboarding;
    @Inject
    Instance<RegistrantErasure> erasure;
    @Inject
    @Any
    Instance<Object> beans;

    /** Beans used outside HTTP requests (the erasure job, the escalated-matter observer), created up front. */
    static final List<Class<?>> BACKGROUND_BEANS = List.of(Bodies.class, Meetings.class, PublicMeetings.class,
            EventsSettings.class, DistrictCheck.class, Indicators.class, Offboarding.class, MatterScheduler.class,
            RegistrantErasure.class);

    /**
     * Creates the beans that work without an HTTP request and schedules the erasure job when the platform first
     * creates the manifest (the startup migrator does, before anything serves): library beans get no
     * application-initialized event, and a library bean first created by a scheduled task gets no persistence
     * context injected.
     */
    @PostConstruct
    void startJobs() {
        try {
            BACKGROUND_BEANS.forEach(type -> beans.select(type).get().toString());
            erasure.get().ensureStarted();
        } catch (RuntimeException e) {
            Logger.getLogger(EventsModule.class.getName()).log(Level.WARNING,
                    "events: could not schedule the registrant erasure job", e);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Meetings, measures and public events";
    }

    @Override
    public Set<Action> actions() {
        return Set.of(READ, CONFIGURE_BODIES, RUN_MEETINGS, MANAGE_MEASURES, ANNOUNCE_PUBLIC_MEETINGS, REGISTER,
                PLAN_PUBLIC_ORDER, MANAGE_PROJECTS, RUN_JOBS);
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.integer(MAX_OCCURRENCES, 300), Setting.integer(SERIES_HORIZON_YEARS, 5),
                Setting.integer(REGISTRANT_RETENTION_DAYS, 30));
    }

    @Override
    public List<Indicator> indicators() {
        return Indicators.ALL;
    }

    @Override
    public Map<String, Number> measure(TenantId city) {
        return indicators.get().current(city);
    }

    @Override
    public Map<String, Number> measure(TenantId city, YearMonth from, YearMonth to) {
        return indicators.get().period(city, from, to);
    }

    @Override
    public Map<String, Long> offboardPreview(TenantId city) {
        return offboarding.get().preview(city);
    }

    @Override
    public void offboard(TenantId city) {
        offboarding.get().remove(city);
    }
}
