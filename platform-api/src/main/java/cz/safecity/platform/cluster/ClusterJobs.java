package cz.safecity.platform.cluster;

import cz.safecity.platform.persistence.SafeCityDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Runs periodic jobs (escalation deadlines, retention…) once per period across all instances of a cluster.
 * Every instance may call {@link #runOncePer} from its own timer; a PostgreSQL session advisory lock keyed by
 * the job name lets one instance in at a time, and the table {@code platform_job_run} remembers when the job
 * last ran, so a second instance arriving later in the same period skips it. Until the application has started on
 * this instance ({@link #applicationStarted}, called by the web module when it starts) no job runs here: a timer of a
 * slow deployment fired before the persistence units were ready and every city's job failed; likewise from
 * {@link #applicationStopping} on (an undeployment closes the units while the old timers still fire).
 *
 * <p>A job runs in the web module's naming context, captured when the web module starts ({@link #applicationStarted}),
 * not in whatever context its timer inherited from the thread that scheduled it (where a module's jobs were first
 * created: the startup migrator's EJB, a deployment thread). On such a timer thread a container entity manager found
 * no persistence unit ("Unable to retrieve EntityManagerFactory for unitName messaging"): the first run after a fresh
 * start failed in every city, and once every run did, for 40 minutes and across restarts, while the same jobs run by
 * hand (an HTTP request, as the tests did) worked.
 */
@ApplicationScoped
public class ClusterJobs {

    private static final Logger LOG = Logger.getLogger(ClusterJobs.class.getName());

    @Resource(lookup = "jdbc/safecity")
    DataSource dataSource;

    private volatile boolean started;
    /** Runs a job in the context captured by {@link #applicationStarted}; until then, on the calling thread as it is. */
    private volatile Consumer<Runnable> inAppContext = Runnable::run;

    /**
     * The application serves on this instance: jobs may run from now on. Called by the web module as it starts, on a
     * thread whose naming context is the web module's; that context is captured here for every later job run.
     */
    public void applicationStarted() {
        try {
            ContextService context = InitialContext.doLookup("java:comp/DefaultContextService");
            Consumer<Runnable> direct = Runnable::run;
            inAppContext = context.contextualConsumer(direct);
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.WARNING, "no context service: jobs run in their timer's context", e);
        }
        started = true;
    }

    /** The application is being stopped or undeployed here: no job starts any more (its timers may still fire). */
    public void applicationStopping() {
        started = false;
    }

    /**
     * Runs {@code job} unless another instance is running it now or it ran less than {@code period} ago.
     *
     * @param name   job name, e.g. {@code messaging.escalation-deadlines}
     * @param period minimum time between two runs anywhere in the cluster
     * @return true when this call ran the job (false also while the application is still starting here)
     * @throws IllegalStateException when the database cannot be reached
     */
    public boolean runOncePer(String name, Duration period, Runnable job) {
        if (!started) {
            return false; // the deployment is still starting; the timer's next run comes again
        }
        try (Connection c = dataSource().getConnection()) {
            if (!tryLock(c, name)) {
                return false;
            }
            try {
                Instant now = Instant.now();
                Instant last = lastRun(c, name);
                if (last != null && last.plus(period).isAfter(now)) {
                    return false;
                }
                inAppContext.accept(job);
                recordRun(c, name, now);
                return true;
            } finally {
                unlock(c, name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cluster job " + name + ": database unavailable", e);
        }
    }

    private static boolean tryLock(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            s.setLong(1, key(name));
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(?)")) {
            s.setLong(1, key(name));
            s.execute();
        }
    }

    private static Instant lastRun(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select last_run_at from platform_job_run where job = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getTimestamp(1).toInstant() : null;
            }
        }
    }

    private static void recordRun(Connection c, String name, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into platform_job_run (job, last_run_at) values (?, ?) "
                + "on conflict (job) do update set last_run_at = excluded.last_run_at")) {
            s.setString(1, name);
            s.setTimestamp(2, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    /** Stable 64-bit advisory-lock key from the job name (first 8 bytes of its SHA-256). */
    static long key(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (d[i] & 0xff);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data source; looked up by name when resource injection left it unset ({@link SafeCityDataSource}). */
    private DataSource dataSource() {
        dataSource = SafeCityDataSource.orLookup(dataSource);
        return dataSource;
    }
}
