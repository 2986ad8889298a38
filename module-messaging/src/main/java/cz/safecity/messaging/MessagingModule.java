package cz.safecity.messaging;

import cz.safecity.messaging.control.Ladder;
import cz.safecity.messaging.control.MatterInsert;
import cz.safecity.messaging.control.Matters;
import cz.safecity.messaging.control.MessagingEvents;
import cz.safecity.messaging.control.MessagingJobs;
import cz.safecity.messaging.control.Notifier;
import cz.safecity.messaging.control.RateLimiter;
import cz.safecity.messaging.control.Routing;
import cz.safecity.messaging.control.Submissions;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.cluster.ClusterJobs;
import cz.safecity.platform.mail.MailSender;
import cz.safecity.platform.mail.MailJob;
import cz.safecity.platform.mail.Outbox;
import cz.safecity.platform.module.Action;
import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.Indicator;
import cz.safecity.platform.module.Setting;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantDirectory;
import cz.safecity.platform.tenant.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Manifest of the messaging module: citizens' matters to their district's working group or the police leadership,
 * answered by named people, escalated up the city's ladder when deadlines pass; e-mail through the platform outbox;
 * Open311 GeoReport v2.
 */
@ApplicationScoped
public class MessagingModule implements CityModule {

    public static final String ID = "messaging";
    /** Indicator keys. */
    public static final String MEDIAN_RESPONSE = "messaging.median-first-response-hours";
    public static final String ESCALATIONS = "messaging.escalations";
    public static final String MATTERS = "messaging.matters";

    /** Tables in offboarding order (children first). */
    static final List<String> TABLES = List.of("messaging_entry", "messaging_matter", "messaging_level",
            "messaging_category", "messaging_rate");

    private static final Set<String> STAFF = Set.of(Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE,
            Roles.COUNCILLOR);

    @PersistenceContext(unitName = ID)
    EntityManager em;
    @Inject
    TenantDirectory tenants;
    @Inject
    Outbox outbox;
    @Inject
    Instance<MessagingJobs> jobs;
    @Inject
    Instance<MailJob> mail;

    @Inject
    @Any
    Instance<Object> beans;

    /** Beans the periodic jobs use, created up front (see {@link #startJobs()}). */
    static final List<Class<?>> JOB_BEANS = List.of(Matters.class, Ladder.class, Routing.class, Notifier.class,
            Submissions.class, MessagingEvents.class, RateLimiter.class, MatterInsert.class, TenantDirectory.class, AuditLog.class,
            ClusterJobs.class, MailSender.class, Outbox.class);

    /**
     * Starts this instance's periodic jobs and the mail sender when the platform first creates the manifest (the
     * startup migrator does, before anything serves). The beans the jobs use are created here first: the container
     * injects no persistence context or resource into a library bean that a scheduled task creates.
     */
    @PostConstruct
    void startJobs() {
        try {
            JOB_BEANS.forEach(type -> beans.select(type).get().toString());
            jobs.get().ensureStarted();
            mail.get().ensureStarted();
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(MessagingModule.class.getName())
                    .log(java.util.logging.Level.WARNING, "messaging: could not schedule the periodic jobs", e);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Messaging";
    }

    @Override
    public Set<Action> actions() {
        return Set.of(new Action("matter.submit", Set.of()), new Action("matter.track", Set.of()),
                new Action("matter.read", STAFF), new Action("matter.reply", STAFF), new Action("matter.note", STAFF),
                new Action("matter.status", STAFF), new Action("matter.assign", STAFF),
                new Action("matter.reassign", STAFF), new Action("matter.escalate", STAFF),
                new Action("ladder.edit", Set.of(Roles.CITY_ADMIN)),
                new Action("categories.edit", Set.of(Roles.CITY_ADMIN)),
                new Action("jobs.run", Set.of(Roles.PLATFORM_ADMIN)));
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.integer("rateLimitPerHour", 30), Setting.integer("retentionDays", 365),
                Setting.integer(Matters.TRACKING_LINK_DAYS, 365));
    }

    @Override
    public List<Indicator> indicators() {
        return List.of(new Indicator(MATTERS, "Citizens' matters submitted", "count"),
                new Indicator(MEDIAN_RESPONSE, "Median time to the first response", "hours"),
                new Indicator(ESCALATIONS, "Escalations of matters", "count"));
    }

    @Override
    @Transactional
    public Map<String, Number> measure(TenantId city) {
        YearMonth now = YearMonth.now(zone(city));
        return measure(city, now.minusMonths(11), now);
    }

    /**
     * For matters submitted in the months {@code from}..{@code to} (city zone): how many, the median hours from
     * submission to the first response (reply or status change; unanswered ones left out), and escalations.
     */
    @Override
    @Transactional
    public Map<String, Number> measure(TenantId city, YearMonth from, YearMonth to) {
        ZoneId zone = zone(city);
        Timestamp start = Timestamp.from(from.atDay(1).atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        Object[] row = (Object[]) em.createNativeQuery("select count(*), percentile_cont(0.5) within group (order by "
                        + "extract(epoch from (first_response_at - created_at)) / 3600.0) "
                        + "filter (where first_response_at "
                        + "is not null), coalesce(sum(escalations), 0) from messaging_matter where tenant_id = ?1 "
                        + "and created_at >= ?2 and created_at < ?3")
                .setParameter(1, city.slug()).setParameter(2, start).setParameter(3, end).getSingleResult();
        Map<String, Number> out = new LinkedHashMap<>();
        out.put(MATTERS, ((Number) row[0]).longValue());
        if (row[1] != null) {
            out.put(MEDIAN_RESPONSE, Math.round(((Number) row[1]).doubleValue() * 10) / 10.0);
        }
        out.put(ESCALATIONS, ((Number) row[2]).longValue());
        return out;
    }

    private ZoneId zone(TenantId city) {
        return tenants.find(city.slug()).map(t -> t.zone()).orElse(ZoneId.of("Europe/Prague"));
    }

    @Override
    @Transactional
    public Map<String, Long> offboardPreview(TenantId city) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String table : TABLES) {
            out.put(table, ((Number) em.createNativeQuery("select count(*) from " + table + " where tenant_id = ?1")
                    .setParameter(1, city.slug()).getSingleResult()).longValue());
        }
        out.put("platform_mail_outbox", outbox.count(city));
        return out;
    }

    @Override
    @Transactional
    public void offboard(TenantId city) {
        for (String table : TABLES) {
            em.createNativeQuery("delete from " + table + " where tenant_id = ?1").setParameter(1, city.slug())
                    .executeUpdate();
        }
        outbox.purge(city);
    }
}
