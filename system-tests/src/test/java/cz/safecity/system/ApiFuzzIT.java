package cz.safecity.system;

import static cz.safecity.system.SystemTestSupport.BASE;
import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.SystemTestSupport.newCity;
import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.SystemTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.DeployedApi.Operation;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated from the deployed {@code /openapi}: every operation gets malformed path and query values (non-numeric,
 * huge, negative, empty, non-ASCII, {@code ..}, NUL, very long) and, where it takes a body, malformed bodies (broken,
 * nested 5,000 levels deep, 1 MB, 100,000 elements, of the wrong JSON type, invalid UTF-8, empty, of the wrong
 * content type), sent with
 * a token holding every city role in a test city (so that input checks are reached). Every answer must be 2xx (the
 * input was in fact acceptable) or 4xx {@code application/problem+json} with a body; never 5xx, never HTML, never an
 * empty error. All findings of a run are listed together. Values are sampled, one malformed part at a time (the other
 * parts valid), so a run stays at a few thousand requests from {@link #THREADS} callers; it stops adding operations
 * after {@link #BUDGET} (and then fails, naming how far it got). A NUL or backslash in the path is refused by the
 * server's HTTP layer with an empty 400 before the application runs ({@link #REFUSED_BY_CONTAINER}): counted, not
 * failed.
 */
class ApiFuzzIT {

    /** Time after which no further operations are tried (the run reports how far it got). */
    static final Duration BUDGET = Duration.ofMinutes(5);

    /** Malformed path segments (already percent-encoded where needed). */
    static final List<String> PATH_VALUES = List.of("abc", "99999999999999999999", "-1", "", "%C5%BE%C3%A1%C4%8F",
            "..", "%2E%2E%2F%2E%2E", "1.5", "x".repeat(2000), "%00", "%5C");
    /** Malformed query values (encoded when sent, except those starting with %). */
    static final List<String> QUERY_VALUES = List.of("abc", "99999999999999999999", "-1", "", "žáď", "..", "%00",
            "1.5", "x".repeat(2000));
    /**
     * Path values that the HTTP layer of the server (Grizzly) refuses with an empty 400 before any application code
     * runs, so that no error page of the application can answer: a NUL or a backslash in the path. Reported, not failed.
     */
    static final List<String> REFUSED_BY_CONTAINER = List.of("%00", "%5C");
    /** Bodies from this size on may meet a connection closed after an early answer (counted, not failed). */
    static final int LARGE = 100 * 1024;
    /** Parallel callers: the server has two cores; a few concurrent requests keep it busy without timeouts. */
    static final int THREADS = 4;
    static final String OUTLINE = """
            {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":
             [[[14.40,50.08],[14.42,50.08],[14.42,50.10],[14.40,50.10],[14.40,50.08]]]}}""";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    static String city;
    static String staff;
    static final Map<String, String> VALID = new HashMap<>();

    @BeforeAll
    static void cityWithDistrictsAndAStaffPerson() {
        city = newCity("Fuzz IT", null);
        assertEquals(200, put("/api/cities/" + city + "/levels", "platform-admin",
                "{\"levels\":[{\"key\":\"city\",\"name\":\"Město\"},{\"key\":\"borough\",\"name\":\"Obvod\"},"
                        + "{\"key\":\"district\",\"name\":\"Okrsek\"}]}").status());
        assertEquals(200, send("PUT", "/api/cities/" + city + "/outline", "platform-admin", "application/geo+json",
                OUTLINE).status());
        assertEquals(201, send("POST", "/api/cities/" + city + "/districts/provisional", "platform-admin",
                "application/json", "{\"districts\":4,\"boroughs\":2}").status());
        String code = get("/api/cities/" + city + "/districts", null).json().getJsonArray("districts")
                .getJsonObject(0).getString("code");
        staff = TestStaff.person(city, "city-admin", "police-officer", "constable", "councillor");
        VALID.put("city", city);
        VALID.put("code", SystemTestSupport.enc(code));
        VALID.put("role", "constable");
        VALID.put("module", "districts");
        VALID.put("username", staff);
        VALID.put("number", "1");
        VALID.put("id", "1");
    }

    /** A malformed request body: what it is, its content type, its bytes. */
    record Body(String what, String contentType, byte[] bytes) {
        static Body of(String what, String contentType, String text) {
            return new Body(what, contentType, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static List<Body> badBodies(String jsonType) {
        List<Body> out = new ArrayList<>();
        out.add(Body.of("broken JSON", jsonType, "{\"name\": \"x\", "));
        out.add(Body.of("empty", jsonType, ""));
        out.add(Body.of("nested arrays 5000 deep", jsonType, "[".repeat(5000) + "]".repeat(5000)));
        out.add(Body.of("nested objects 5000 deep", jsonType, "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)));
        out.add(Body.of("1 MB string", jsonType, "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}"));
        out.add(Body.of("100,000 array elements", jsonType, "[" + "1,".repeat(100_000) + "1]"));
        out.add(Body.of("array instead of object", jsonType, "[1,2,3]"));
        out.add(Body.of("string instead of object", jsonType, "\"text\""));
        out.add(Body.of("number instead of object", jsonType, "42"));
        out.add(Body.of("null", jsonType, "null"));
        out.add(Body.of("NUL characters in strings", jsonType,
                "{\"name\":\"a\\u0000b\",\"title\":\"\\u0000\",\"text\":\"x\\u0000\",\"description\":\"\\u0000\"}"));
        out.add(Body.of("wrong field types", jsonType,
                "{\"name\":[],\"title\":{},\"code\":true,\"districts\":\"many\",\"validFrom\":12,\"roles\":\"x\"}"));
        byte[] invalidUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"',
            '}'};
        out.add(new Body("invalid UTF-8", jsonType, invalidUtf8));
        out.add(Body.of("text/plain", "text/plain", "{}"));
        out.add(Body.of("application/xml", "application/xml", "<a/>"));
        out.add(Body.of("no content type", null, "{}"));
        return out;
    }

    record Finding(Operation op, String input, int status, String contentType, String body) {
        @Override
        public String toString() {
            return op + " with " + input + " → " + status + " " + contentType + " "
                    + (body.length() > 160 ? body.substring(0, 160) + "…" : body).replaceAll("\\s+", " ");
        }
    }

    @Test
    void malformedInputAnswersAProblemNeverAServerError() throws Exception {
        List<Operation> ops = DeployedApi.operations();
        assertTrue(ops.size() > 20, "only " + ops.size() + " operations in /openapi");
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        List<Finding> refused = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger tried = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Operation op : ops) {
                done.add(pool.submit(() -> {
                    if (Duration.ofNanos(System.nanoTime() - start).compareTo(BUDGET) > 0) {
                        return;
                    }
                    tried.incrementAndGet();
                    fuzz(op, findings, refused, requests);
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("ApiFuzzIT: %d of %d operations, %d requests in %d s, %d findings, %d refused by the "
                + "server before the application (empty 400 for %s in the path, or a connection closed under a "
                + "large body after an early answer)%n", tried.get(), ops.size(), requests.get(), took.toSeconds(),
                findings.size(), refused.size(), REFUSED_BY_CONTAINER);
        findings.stream().map(Finding::toString).sorted().forEach(f -> System.out.println("  " + f));
        assertEquals(ops.size(), tried.get(), "ran out of time after " + tried + " operations");
        assertTrue(findings.isEmpty(), findings.size() + " answers were a server error, HTML or an empty error:\n  "
                + String.join("\n  ", findings.stream().map(Finding::toString).sorted().toList()));
    }

    private void fuzz(Operation op, List<Finding> findings, List<Finding> refused, AtomicInteger requests) {
        byte[] validBody = op.bodyTypes().isEmpty() ? null : "{}".getBytes(StandardCharsets.UTF_8);
        String type = op.bodyTypes().isEmpty() ? null : op.bodyTypes().get(0);
        for (String param : op.pathParams()) {
            for (String bad : sample(PATH_VALUES, op, param.equals("city") ? 3 : 7)) {
                Map<String, String> values = new HashMap<>(VALID);
                values.put(param, bad);
                requests.incrementAndGet();
                Finding f = check(op, "path " + param + "=" + abbreviate(bad), op.path(values), type, validBody);
                if (f != null) {
                    (REFUSED_BY_CONTAINER.contains(bad) && f.status() == 400 && f.body().isEmpty() ? refused
                            : findings).add(f);
                }
            }
        }
        for (String param : op.queryParams()) {
            for (String bad : QUERY_VALUES) {
                String value = bad.startsWith("%") ? bad : URLEncoder.encode(bad, StandardCharsets.UTF_8);
                requests.incrementAndGet();
                Finding f = check(op, "query " + param + "=" + abbreviate(bad),
                        op.path(VALID) + "?" + param + "=" + value, type, validBody);
                if (f != null) {
                    findings.add(f);
                }
            }
        }
        if (!op.bodyTypes().isEmpty() || op.method().equals("POST") || op.method().equals("PUT")) {
            String jsonType = type == null || !type.contains("json") ? "application/json" : type;
            for (Body body : badBodies(jsonType)) {
                requests.incrementAndGet();
                Finding f = check(op, "body " + body.what(), op.path(VALID), body.contentType(), body.bytes());
                if (f != null) {
                    // a server refusing a request early (401/403) may close the connection while a large body is
                    // still being sent; Java's client then reports EOF instead of the answer (curl shows the 403)
                    (f.status() == -1 && body.bytes().length >= LARGE ? refused : findings).add(f);
                }
            }
        }
    }

    /**
     * {@code n} of the values for one operation, rotating with the operation, so that every value meets every kind of
     * parameter on some operations without multiplying the run: the {@code {city}} segment (resolved by one edge filter
     * for all operations) gets three, other path parameters seven.
     */
    private static List<String> sample(List<String> values, Operation op, int n) {
        int from = Math.floorMod(op.toString().hashCode(), values.size());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, values.size()); i++) {
            out.add(values.get((from + i) % values.size()));
        }
        return out;
    }

    /**
     * Sends one request; the finding when the answer breaks the rule, else null. An answer that looks like the
     * application not serving at all (the server's own HTML page, an empty 5xx; e.g. a shared stack being redeployed)
     * is sent again once {@code /health/ready} is UP; only the second answer counts (a real fault answers the same).
     */
    private Finding check(Operation op, String input, String path, String contentType, byte[] body) {
        Finding f = checkOnce(op, input, path, contentType, body);
        if (f != null && (f.contentType().contains("html") || (f.status() >= 500 && f.body().isBlank()))
                && awaitReady()) {
            f = checkOnce(op, input, path, contentType, body);
        }
        return f;
    }

    /** Whether the application is ready (again), waiting up to two minutes. */
    private static boolean awaitReady() {
        for (int i = 0; i < 60; i++) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/health/ready"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return true;
                }
            } catch (IOException e) {
                // not answering: being restarted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private Finding checkOnce(Operation op, String input, String path, String contentType, byte[] body) {
        HttpResponse<String> r;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json, application/problem+json, */*")
                    .header("Authorization", "Bearer " + SystemTestSupport.token(staff));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            b.method(op.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // the server may answer early (401, 403, 413) and close the connection without reading a large body;
                // the client then finds the pooled connection closed: retry once on a fresh one
                r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            }
        } catch (IllegalArgumentException e) {
            return null; // the client itself refuses the URI: nothing reached the server
        } catch (IOException e) {
            return new Finding(op, input, -1, "", "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        int status = r.statusCode();
        boolean ok = status < 500;
        if (ok && status >= 400) {
            ok = type.startsWith("application/problem+json") && isJsonObject(r.body());
        } else if (ok && type.toLowerCase().contains("html")) {
            // a 2xx page is fine only where the path left the API (e.g. /api/cities/../.. is the portal's page)
            ok = !r.uri().normalize().getPath().startsWith("/api/");
        }
        return ok ? null : new Finding(op, input, status, type, r.body());
    }

    private static boolean isJsonObject(String body) {
        try {
            Json.createReader(new StringReader(body)).readObject();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 8) + "…(" + s.length() + " chars)" : "'" + s + "'";
    }
}
