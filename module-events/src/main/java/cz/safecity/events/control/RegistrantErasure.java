package cz.safecity.events.control;

import cz.safecity.events.EventsModule;
import cz.safecity.platform.cluster.ClusterJobs;
import cz.safecity.platform.module.ModuleRegistry;
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
    ModuleRegistry modules;
    @Inject
    PublicMeetings publicMeetings;
    @Inject
    EventsSettings settings;
    @Inject
    jakarta.enterprise.inject.Instance<RegistrantErasure> self;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object init) {
        synchronized (this) {
            if (task == null && scheduler != null) {
                task = scheduler.scheduleWithFixedDelay(() -> {
                    try {
                        jobs.runOncePer(JOB, Duration.ofMinutes(55), () -> self.get().runAll());
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "registrant erasure failed; the next round retries", e);
                    }
                }, 5, 60, TimeUnit.MINUTES);
            }
        }
    }

    /** One round over every city with the module enabled. */
    @ActivateRequestContext
    public void runAll() {
        for (Tenant t : tenants.all()) {
            if (modules.isEnabled(t.id(), EventsModule.ID)) {
                tenant.callAs(t, () -> publicMeetings.eraseAfter(settings.retentionDays(t.id())));
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
