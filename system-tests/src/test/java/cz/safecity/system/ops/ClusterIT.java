package cz.safecity.system.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cz.safecity.system.SystemTestSupport;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the EAR behind HAProxy ({@code ./safecity cluster test}): a write on one instance is read on the
 * other within {@code safecity.cache.ttl}; a periodic job runs once per period across the instances; killing one
 * instance ({@code kill -9}) during writes through the balancer loses no acknowledged write, adds none that was not
 * attempted, and the balancer keeps answering. Skipped unless {@code cluster.instances} is set (the profile
 * {@code cluster} sets it); {@code safecity.url} is then the balancer. The cities it makes are offboarded after the
 * class (OffboardCreatedCities).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /** {@code safecity.cache.ttl} of the deployed application (the default). */
    static final Duration TTL = Duration.ofSeconds(2);
    static final String ADMIN = "platform-admin";
    static final String TWO_DISTRICTS = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"code":"A1","name":"Okrsek A1"},"geometry":{"type":"Polygon",
              "coordinates":[[[14.40,50.08],[14.41,50.08],[14.41,50.09],[14.40,50.09],[14.40,50.08]]]}},
             {"type":"Feature","properties":{"code":"B2","name":"Okrsek B2"},"geometry":{"type":"Polygon",
              "coordinates":[[[14.41,50.08],[14.42,50.08],[14.42,50.09],[14.41,50.09],[14.41,50.08]]]}}]}""";

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    static List<String> instances;
    static List<String> pidFiles;

    @BeforeAll
    static void cluster() {
        String list = System.getProperty("cluster.instances");
        assumeTrue(list != null && !list.isBlank(), "not a cluster run (./safecity cluster test)");
        instances = List.of(list.split(","));
        pidFiles = List.of(System.getProperty("cluster.pid-files", "").split(","));
        assertEquals(2, instances.size(), "two instances: " + list);
    }

    record Answer(int status, String body) {
    }

    static Answer call(String base, String method, String path, String user, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (user != null) {
            b.header("Authorization", "Bearer " + SystemTestSupport.token(user));
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (java.io.IOException e) {
            return new Answer(-1, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String cityWithDistricts(String base, String name) {
        String slug = SystemTestSupport.randomSlug();
        Answer city = call(base, "POST", "/api/cities", ADMIN, "application/json",
                "{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\"}");
        assertEquals(201, city.status(), city.body());
        SystemTestSupport.created(slug);
        Answer imported = call(base, "POST", "/api/cities/" + slug
                        + "/boundaries?codeProperty=code&nameProperty=name&validFrom=2020-01-01", ADMIN,
                "application/geo+json", TWO_DISTRICTS);
        assertEquals(201, imported.status(), imported.body());
        return slug;
    }

    @Test
    @Order(1)
    void aWriteOnOneInstanceIsReadOnTheOtherWithinTheCacheTtl() throws Exception {
        String a = instances.get(0);
        String b = instances.get(1);
        String slug = SystemTestSupport.randomSlug();
        // b has just looked the slug up and cached "unknown": the worst case for staleness
        assertEquals(404, call(b, "GET", "/api/cities/" + slug, null, null, null).status());
        Answer created = call(a, "POST", "/api/cities", ADMIN, "application/json",
                "{\"slug\":\"" + slug + "\",\"name\":\"Clusterov\"}");
        assertEquals(201, created.status(), created.body());
        SystemTestSupport.created(slug);
        long written = System.nanoTime();
        assertEquals(200, call(a, "GET", "/api/cities/" + slug, null, null, null).status(), "at once where written");
        Duration seen = null;
        while (seen == null && System.nanoTime() - written < TTL.multipliedBy(5).toNanos()) {
            if (call(b, "GET", "/api/cities/" + slug, null, null, null).status() == 200) {
                seen = Duration.ofNanos(System.nanoTime() - written);
            } else {
                Thread.sleep(50);
            }
        }
        assertTrue(seen != null, "the other instance never saw the city");
        assertTrue(seen.compareTo(TTL.plusMillis(500)) <= 0, "seen on the other instance after " + seen.toMillis()
                + " ms; the time to live is " + TTL.toMillis() + " ms");
    }

    @Test
    @Order(2)
    void aPeriodicJobRunsOncePerPeriodAcrossTheInstances() throws Exception {
        // the mail outbox sender runs every safecity.mail.interval (5 s) on every instance; ClusterJobs lets one
        // instance in per period and records the run in platform_job_run
        String job = "platform.mail-outbox";
        Duration period = Duration.ofSeconds(5);
        List<Instant> runs = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(System.getProperty("cluster.jdbc",
                "jdbc:postgresql://localhost:5432/safecity"), "safecity", "safecity");
             PreparedStatement s = c.prepareStatement("select last_run_at from platform_job_run where job = ?")) {
            s.setString(1, job);
            long until = System.nanoTime() + Duration.ofSeconds(22).toNanos();
            while (System.nanoTime() < until) {
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        Instant at = r.getTimestamp(1).toInstant();
                        if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(at)) {
                            runs.add(at);
                        }
                    }
                }
                Thread.sleep(25);
            }
        }
        assertTrue(runs.size() >= 2, "the job ran at least twice in 22 s: " + runs);
        for (int i = 1; i < runs.size(); i++) {
            Duration gap = Duration.between(runs.get(i - 1), runs.get(i));
            assertTrue(gap.compareTo(period.minusMillis(600)) >= 0, "two runs within one period (" + gap.toMillis()
                    + " ms apart): " + runs);
        }
    }

    @Test
    @Order(3)
    void killingOneInstanceLosesNoAcknowledgedWriteAndTheBalancerKeepsAnswering() throws Exception {
        assumeTrue(pidFiles.size() == 2 && !pidFiles.get(1).isBlank(), "cluster.pid-files not given");
        String balancer = SystemTestSupport.BASE;
        String city = cityWithDistricts(balancer, "Padov");
        int writers = 8;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        AtomicInteger failedAfterGrace = new AtomicInteger();
        AtomicLong killedAt = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        for (int w = 0; w < writers; w++) {
            int writer = w;
            pool.submit(() -> {
                for (int n = 0; !stop.get(); n++) {
                    String mark = "w" + writer + "-" + n;
                    Answer r = call(balancer, "POST", "/api/cities/" + city + "/risk-places", ADMIN, "application/json",
                            "{\"district\":\"A1\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[14.405,50.085]},"
                                    + "\"kind\":\"feels-unsafe\",\"description\":\"" + mark + "\",\"source\":\"survey\"}");
                    if (r.status() == 201) {
                        acknowledged.add(mark);
                    } else {
                        unanswered.add(mark);
                        if (killedAt.get() != 0 && System.nanoTime() - killedAt.get() > Duration.ofSeconds(4).toNanos()) {
                            failedAfterGrace.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        // public reads through the balancer go on meanwhile
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger readFailuresAfterGrace = new AtomicInteger();
        pool.submit(() -> {
            while (!stop.get()) {
                Answer r = call(balancer, "GET", "/api/cities/" + city + "/districts/locate?lat=50.085&lon=14.405",
                        null, null, null);
                reads.incrementAndGet();
                if (r.status() != 200 && killedAt.get() != 0
                        && System.nanoTime() - killedAt.get() > Duration.ofSeconds(4).toNanos()) {
                    readFailuresAfterGrace.incrementAndGet();
                }
            }
            return null;
        });
        Thread.sleep(4_000);
        int before = acknowledged.size();
        long pid = Long.parseLong(Files.readString(Path.of(pidFiles.get(1))).trim());
        killedAt.set(System.nanoTime());
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -9 " + pid);
        Thread.sleep(8_000);
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        int after = acknowledged.size() - before;

        Answer list = call(balancer, "GET", "/api/cities/" + city + "/risk-places", null, null, null);
        assertEquals(200, list.status(), list.body());
        JsonArray places = Json.createReader(new StringReader(list.body())).readArray();
        Set<String> stored = new HashSet<>();
        for (JsonValue v : places) {
            stored.add(v.asJsonObject().getString("description"));
        }
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        Set<String> unexpected = new HashSet<>(stored);
        unexpected.removeAll(acknowledged);
        unexpected.removeAll(unanswered); // a write cut off by the kill may have committed before its answer was lost
        System.out.printf("cluster kill: %d writes acknowledged (%d before the kill, %d after), %d not acknowledged,"
                        + " %d stored; %d reads%n", acknowledged.size(), before, after, unanswered.size(),
                stored.size(), reads.get());
        assertEquals(Set.of(), lost, "acknowledged writes missing after the kill");
        assertEquals(Set.of(), unexpected, "stored writes that were never attempted");
        assertTrue(stored.size() - acknowledged.size() <= writers, "at most one cut-off write per writer committed");
        assertTrue(after > 0, "the balancer took writes after the kill");
        assertEquals(0, failedAfterGrace.get(), "writes failed more than 4 s after the kill");
        assertEquals(0, readFailuresAfterGrace.get(), "reads failed more than 4 s after the kill");
        restartKilledInstance();
    }

    /** Brings the killed instance back ({@code cluster.restart}, e.g. {@code ./safecity cluster up}). */
    static void restartKilledInstance() throws Exception {
        String restart = System.getProperty("cluster.restart");
        if (restart == null || restart.isBlank()) {
            return;
        }
        Process p = new ProcessBuilder("bash", "-c", restart).inheritIO().start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "restart took over 5 minutes: " + restart);
        assertEquals(0, p.exitValue(), "restart failed: " + restart);
        Answer ready = call(instances.get(1), "GET", "/health/ready", null, null, null);
        assertEquals(200, ready.status(), ready.body());
    }

}
