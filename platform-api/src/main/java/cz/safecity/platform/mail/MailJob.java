package cz.safecity.platform.mail;

import cz.safecity.platform.cluster.ClusterJobs;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link MailSender#deliverDue()} every {@code safecity.mail.interval} (ISO 8601, default 5 s) on each instance,
 * through {@link ClusterJobs} so that one instance at a time delivers. Started by {@link #ensureStarted()}.
 */
@ApplicationScoped
public class MailJob {

    private static final Logger LOG = Logger.getLogger(MailJob.class.getName());
    static final String JOB = "platform.mail-outbox";

    @Resource(lookup = "concurrent/__defaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;
    @Inject
    ClusterJobs jobs;
    @Inject
    MailSender sender;
    @Inject
    @ConfigProperty(name = "safecity.mail.interval", defaultValue = "PT5S")
    String intervalText;

    private Duration interval = Duration.ofSeconds(5);

    private volatile ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object init) {
        ensureStarted();
    }

    /**
     * Schedules the sender on this instance unless it is already scheduled. Called by whoever uses mail first: the
     * {@link Outbox} on every enqueue and modules' manifests when they are created (the container does not deliver
     * the application-initialized event to beans in the EAR's library jars), so that mails left pending by a restart
     * go out without waiting for a new one.
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
            try {
                interval = Duration.parse(intervalText);
            } catch (RuntimeException e) {
                LOG.warning(() -> "safecity.mail.interval is not an ISO 8601 duration: " + intervalText
                        + "; using PT5S");
            }
            long ms = Math.max(interval.toMillis(), 1000);
            task = scheduler.scheduleWithFixedDelay(this::runOnce, 10_000, ms, TimeUnit.MILLISECONDS);
        }
        LOG.info(() -> "mail outbox sender scheduled every " + interval);
    }

    /** One round: delivers due mails unless another instance did so within the last interval. */
    public void runOnce() {
        try {
            jobs.runOncePer(JOB, interval.minusMillis(500), sender::deliverDue);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "mail outbox round failed; next round retries", e);
        }
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
