package cz.safecity.platform.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Against the real PostgreSQL of the running stack (database {@code safecity}, migrated by the EAR); skipped
 * when it is not there. Two {@link ClusterJobs} objects stand for two Payara instances.
 */
class ClusterJobsTest {

    private ClusterJobs instanceA;
    private ClusterJobs instanceB;

    @BeforeEach
    void connect() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(System.getProperty("safecity.jdbc", "jdbc:postgresql://localhost:5432/safecity"));
        ds.setUser("safecity");
        ds.setPassword("safecity");
        boolean ready;
        try (Connection c = ds.getConnection()) {
            ready = c.getMetaData().getTables(null, null, "platform_job_run", null).next();
        } catch (Exception e) {
            ready = false;
        }
        assumeTrue(ready, "database safecity with platform tables not reachable (./safecity up)");
        instanceA = new ClusterJobs();
        instanceA.dataSource = ds;
        instanceA.applicationStarted();
        instanceB = new ClusterJobs();
        instanceB.dataSource = ds;
        instanceB.applicationStarted();
    }

    @Test
    void nothingRunsBeforeTheApplicationHasStarted() {
        ClusterJobs starting = new ClusterJobs();
        starting.dataSource = instanceA.dataSource;
        String job = "test." + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        assertFalse(starting.runOncePer(job, Duration.ZERO, runs::incrementAndGet), "still starting");
        starting.applicationStarted();
        assertTrue(starting.runOncePer(job, Duration.ZERO, runs::incrementAndGet));
        assertEquals(1, runs.get());
    }

    @Test
    void aJobRunsOncePerPeriodAcrossInstances() {
        String job = "test." + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        assertTrue(instanceA.runOncePer(job, Duration.ofHours(1), runs::incrementAndGet));
        assertFalse(instanceB.runOncePer(job, Duration.ofHours(1), runs::incrementAndGet));
        assertFalse(instanceA.runOncePer(job, Duration.ofHours(1), runs::incrementAndGet));
        assertEquals(1, runs.get());
        assertTrue(instanceB.runOncePer(job, Duration.ZERO, runs::incrementAndGet), "period over: runs again");
        assertEquals(2, runs.get());
    }

    @Test
    void aSecondInstanceSkipsWhileTheFirstIsRunning() throws Exception {
        String job = "test." + UUID.randomUUID();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread a = new Thread(() -> instanceA.runOncePer(job, Duration.ZERO, () -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        a.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertFalse(instanceB.runOncePer(job, Duration.ZERO, () -> { }), "B must not run while A holds the lock");
        release.countDown();
        a.join();
        assertTrue(instanceB.runOncePer(job, Duration.ZERO, () -> { }));
    }

    @Test
    void keysAreStable() {
        assertEquals(ClusterJobs.key("x"), ClusterJobs.key("x"));
        assertFalse(ClusterJobs.key("x") == ClusterJobs.key("y"));
    }
}
