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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated from the deployed {@code /openapi}: every operation gets malformed path and query values (non-numeric,
 * huge, negative, empty, non-ASCII, {@code ..}, very long) and, where it takes a body, malformed bodies (broken,
 * nested 5,000 levels deep, 3 MB, of the wrong JSON type, invalid UTF-8, empty, of the wrong content type), sent with
 * a token holding every city role in a test city (so that input checks are reached). Every answer must be 2xx (the
 * input was in fact acceptable) or 4xx {@code application/problem+json} with a body; never 5xx, never HTML, never an
 * empty error. All findings of a run are listed together. Values are sampled, one malformed part at a time (the other
 * parts valid), so a run stays at a few thousand requests; it stops adding cases after {@link #BUDGET}.
 */
class ApiFuzzIT {

    /** Time after which no further operations are tried (the run reports how far it got). */
    static final Duration BUDGET = Duration.ofMinutes(4);

    static final List<String> BAD_VALUES = List.of("abc", "99999999999999999999", "-1", "0", "", "%C5%BE%C3%A1%C4%8F",
            "..", "%2E%2E%2F%2E%2E", "1.5", "null", "%00", "x".repeat(2000));
    static final String OUTLINE = """
            {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":
             [[[14.40,50.08],[14.42,50.08],[14.42,50.10],[14.40,50.10],[14.40,50.08]]]}}""";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

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
        out.add(Body.of("3 MB string", jsonType, "{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}"));
        out.add(Body.of("array instead of object", jsonType, "[1,2,3]"));
        out.add(Body.of("string instead of object", jsonType, "\"text\""));
        out.add(Body.of("number instead of object", jsonType, "42"));
        out.add(Body.of("null", jsonType, "null"));
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
    void malformedInputAnswersAProblemNeverAServerError() {
        List<Operation> ops = DeployedApi.operations();
        assertTrue(ops.size() > 20, "only " + ops.size() + " operations in /openapi");
        List<Finding> findings = new ArrayList<>();
        long start = System.nanoTime();
        int requests = 0;
        int tried = 0;
        for (Operation op : ops) {
            if (Duration.ofNanos(System.nanoTime() - start).compareTo(BUDGET) > 0) {
                break;
            }
            tried++;
            String validBody = op.bodyTypes().isEmpty() ? null : "{}";
            String type = op.bodyTypes().isEmpty() ? null : op.bodyTypes().get(0);
            for (String param : op.pathParams()) {
                for (String bad : BAD_VALUES) {
                    Map<String, String> values = new HashMap<>(VALID);
                    values.put(param, bad.isEmpty() ? "" : bad);
                    String path = op.path(values);
                    requests++;
                    check(findings, op, "path " + param + "=" + abbreviate(bad), path, type,
                            validBody == null ? null : validBody.getBytes(StandardCharsets.UTF_8));
                }
            }
            for (String param : op.queryParams()) {
                for (String bad : BAD_VALUES) {
                    String value = bad.startsWith("%") ? bad : URLEncoder.encode(bad, StandardCharsets.UTF_8);
                    requests++;
                    check(findings, op, "query " + param + "=" + abbreviate(bad),
                            op.path(VALID) + "?" + param + "=" + value, type,
                            validBody == null ? null : validBody.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!op.bodyTypes().isEmpty() || op.method().equals("POST") || op.method().equals("PUT")) {
                String jsonType = type == null || !type.contains("json") ? "application/json" : type;
                for (Body body : badBodies(jsonType)) {
                    requests++;
                    check(findings, op, "body " + body.what(), op.path(VALID), body.contentType(), body.bytes());
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("ApiFuzzIT: %d of %d operations, %d requests in %d s, %d findings%n", tried, ops.size(),
                requests, took.toSeconds(), findings.size());
        findings.forEach(f -> System.out.println("  " + f));
        assertEquals(ops.size(), tried, "ran out of time after " + tried + " operations");
        assertTrue(findings.isEmpty(), findings.size() + " answers were a server error, HTML or an empty error:\n  "
                + String.join("\n  ", findings.stream().map(Finding::toString).toList()));
    }

    private void check(List<Finding> findings, Operation op, String input, String path, String contentType,
                       byte[] body) {
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
            r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
            return; // the client itself refuses the URI: nothing reached the server
        } catch (IOException e) {
            findings.add(new Finding(op, input, -1, "", "connection failed: " + e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        int status = r.statusCode();
        boolean ok = status < 500 && !type.toLowerCase().contains("html");
        if (ok && status >= 400) {
            ok = type.startsWith("application/problem+json") && isJsonObject(r.body());
        }
        if (!ok) {
            findings.add(new Finding(op, input, status, type, r.body()));
        }
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
