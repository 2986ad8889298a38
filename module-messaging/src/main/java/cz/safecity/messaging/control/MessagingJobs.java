package cz.safecity.messaging.control;

import cz.safecity.messaging.MessagingModule;
import cz.safecity.platform.cluster.ClusterJobs;
import cz.safecity.platform.event.MatterEscalated;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The messaging module's periodic work, once a minute across the cluster ({@link ClusterJobs}; state is in the
 * database, so the job survives restarts): escalate matters whose deadline passed ({@link Matters#escalateOverdue})
 * and erase contact data after the city's retention period ({@link Matters#applyRetention}). A platform-admin can run
 * both for one city at once ({@code POST /api/cities/{city}/messaging/jobs/...}), e.g. after moving its test clock.
 */
@ApplicationScoped
public class MessagingJobs {

    private static final Logger LOG = Logger.getLogger(MessagingJobs.class.getName());
    static final String JOB = "messaging.deadlines-and-retention";
    static final Duration PERIOD = Duration.ofMinutes(1);
    /** Setting: days after closing until the citizen's contact data are erased. */
    public static final String RETENTION = "retentionDays";
    /** Most escalations per city and run (the next run continues). */
    static final int BATCH = 500;

    @Resource(lookup = "concurrent/__defaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    @Inject
    ClusterJobs jobs;
    @Inject
    TenantDirectory tenants;
    @Inject
    TenantContext tenantContext;
    @Inject
    ModuleRegistry modules;
    @Inject
    MessagingModule module;
    @Inject
    Matters matters;
    @Inject
    Submissions submissions;
    @Inject
    MessagingEvents events;
    @Inject
    Instance<RequestContextController> requestContexts;

    private volatile ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object init) {
        ensureStarted();
    }

    /**
     * Schedules the jobs on this instance unless already scheduled; called when the module's manifest is created (the
     * startup migrator creates it before anything serves).
     */
    public void ensureStarted() {
        if (task != null) {
            return;
        }
        synchronized (this) {
            if (task != null) {
                return;
            }
            if (scheduler == null) {
                scheduler = lookupScheduler();
            }
            task = scheduler.scheduleWithFixedDelay(this::tick, 30, PERIOD.toSeconds(), TimeUnit.SECONDS);
        }
        LOG.info(() -> "messaging jobs (deadlines, retention) scheduled every " + PERIOD);
    }

    @PreDestroy
    void stop() {
        synchronized (this) {
            if (task != null) {
                task.cancel(false);
            }
        }
    }

    void tick() {
        try {
            jobs.runOncePer(JOB, PERIOD.minusSeconds(5), this::allCities);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "messaging jobs failed; the next run retries", e);
        }
    }

    /** Every city with messaging enabled, each in its own request context (a job thread has none). */
    void allCities() {
        for (Tenant city : tenants.all()) {
            if (!modules.isEnabled(city.id(), module.id())) {
                continue;
            }
            RequestContextController request = requestContexts.get();
            boolean activated = request.activate();
            try {
                tenantContext.callAs(city, () -> {
                    deadlines();
                    retention();
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "messaging jobs failed for " + city.slug(), e);
            } finally {
                if (activated) {
                    request.deactivate();
                }
                requestContexts.destroy(request);
            }
        }
    }

    /** Escalates the current city's overdue matters and fires the events; returns how many were escalated. */
    public int deadlines() {
        List<MatterEscalated> all = new ArrayList<>();
        List<MatterEscalated> batch;
        do {
            batch = matters.escalateOverdue(BATCH);
            events.fire(batch); // fired after escalateOverdue's transaction committed
            all.addAll(batch);
        } while (batch.size() == BATCH);
        return all.size();
    }

    /** Erases contact data past the current city's retention period; returns how many matters. */
    public int retention() {
        return matters.applyRetention(submissions.intSetting(RETENTION, 365));
    }

    /** The default managed scheduled executor, looked up when resource injection left it unset. */
    static ManagedScheduledExecutorService lookupScheduler() {
        for (String name : new String[] {"java:comp/DefaultManagedScheduledExecutorService",
                "concurrent/__defaultManagedScheduledExecutorService"}) {
            try {
                return javax.naming.InitialContext.doLookup(name);
            } catch (javax.naming.NamingException e) {
                LOG.log(Level.FINE, "no " + name, e);
            }
        }
        throw new IllegalStateException("no managed scheduled executor service");
    }
}
