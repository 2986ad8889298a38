package cz.safecity.events.control;

import cz.safecity.platform.cluster.ClusterJobs;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Erases registrants' personal data {@code registrantRetentionDays} (per-city setting, default 30) after a public
 * meeting ended, by each city's business clock. Runs hourly on every instance through {@link ClusterJobs} (one
 * instance per hour does it for all cities with the module enabled); a platform admin may run it for one city at
 * once ({@code POST /api/cities/{city}/events/jobs/erase-registrants}).
 */
@ApplicationScoped
public class RegistrantErasure {

    private static final Logger LOG = Logger.getLogger(RegistrantErasure.class.getName());
    static final String JOB = "events.erase-registrants";

    @Resource(lookup = "concurrent/__defaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    @Inject
    ClusterJobs jobs;
    @Inject
    TenantDirectory tenants;
    @Inject
    TenantContext tenant;
    @Inject
    PublicMeetings publicMeetings;
    @Inject
    EventsSettings settings;
    @Inject
    jakarta.enterprise.inject.Instance<RegistrantErasure> self;

    private volatile ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object init) {
        ensureStarted();
    }

    /** Schedules the hourly round on this instance unless already scheduled (called by the module's manifest). */
    public void ensureStarted() {
        synchronized (this) {
            if (task != null) {
                return;
            }
            if (scheduler == null) {
                scheduler = lookupScheduler();
            }
            task = scheduler.scheduleWithFixedDelay(() -> {
                try {
                    jobs.runOncePer(JOB, Duration.ofMinutes(55), () -> self.get().runAll());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "registrant erasure failed; the next round retries", e);
                }
            }, 5, 60, TimeUnit.MINUTES);
        }
        LOG.info("events: registrant erasure scheduled hourly");
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

    /** One round over every city with the module enabled. */
    @ActivateRequestContext
    public void runAll() {
        for (Tenant t : tenants.all()) {
            if (settings.enabled(t.id())) {
                try {
                    tenant.callAs(t, () -> publicMeetings.eraseAfter(settings.retentionDays(t.id())));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "registrant erasure failed for " + t.slug(), e);
                }
            }
        }
    }

    /** For the current city (an HTTP request of a platform admin): {meetings, registrations} erased. */
    public long[] runForCurrentCity() {
        return publicMeetings.eraseAfter(settings.retentionDays(tenant.id()));
    }

    @PreDestroy
    void stop() {
        synchronized (this) {
            if (task != null) {
                task.cancel(false);
                task = null;
            }
        }
    }
}
