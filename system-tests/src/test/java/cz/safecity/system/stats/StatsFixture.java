package cz.safecity.system.stats;

import static cz.safecity.system.SystemTestSupport.BASE;
import static cz.safecity.system.SystemTestSupport.post;
import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.SystemTestSupport.send;
import static cz.safecity.system.SystemTestSupport.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport;
import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A test city for the stats tests: population 1,000, an outline 14.40–14.42 E × 50.08–50.10 N and two boundary
 * versions — from 2020-01-01 a 2 × 2 grid of 0.01° squares A1 (south-west), A2 (north-west), B1 (south-east), B2
 * (north-east); from 2024-04-01 two halves W and E.
 */
final class StatsFixture {

    static final String ADMIN = "platform-admin";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private StatsFixture() {
    }

    static String cityWithDistricts(String name) {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Reply c = post("/api/cities", ADMIN, Json.createObjectBuilder().add("slug", slug).add("name", name)
                .add("population", 1000).build().toString());
        assertEquals(201, c.status(), c.toString());
        SystemTestSupport.created(slug);
        assertEquals(200, send("PUT", "/api/cities/" + slug + "/outline", ADMIN, "application/geo+json",
                "{\"type\":\"Feature\",\"properties\":{\"kod\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[14.40,50.08],[14.42,50.08],[14.42,50.10],[14.40,50.10],[14.40,50.08]]]}}").status());
        String grid = "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",",
                rect("A1", 14.40, 50.08, 14.41, 50.09), rect("A2", 14.40, 50.09, 14.41, 50.10),
                rect("B1", 14.41, 50.08, 14.42, 50.09), rect("B2", 14.41, 50.09, 14.42, 50.10)) + "]}";
        Reply v1 = send("POST", "/api/cities/" + slug + "/boundaries?validFrom=2020-01-01&codeProperty=code", ADMIN,
                "application/geo+json", grid);
        assertEquals(201, v1.status(), v1.toString());
        String halves = "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",",
                rect("W", 14.40, 50.08, 14.41, 50.10), rect("E", 14.41, 50.08, 14.42, 50.10)) + "]}";
        Reply v2 = send("POST", "/api/cities/" + slug + "/boundaries?validFrom=2024-04-01&codeProperty=code", ADMIN,
                "application/geo+json", halves);
        assertEquals(201, v2.status(), v2.toString());
        return slug;
    }

    static String rect(String code, double minLon, double minLat, double maxLon, double maxLat) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"code\":\"%s\"},\"geometry\":"
                        + "{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],"
                        + "[%.4f,%.4f]]]}}", code, minLon, minLat, maxLon, minLat, maxLon, maxLat, minLon, maxLat,
                minLon, minLat);
    }

    /** Sets stats settings of the city (replaces earlier ones). */
    static void statsSettings(String city, String settingsJson) {
        Reply r = put("/api/cities/" + city + "/modules/stats", ADMIN, "{\"enabled\":true,\"settings\":"
                + settingsJson + "}");
        assertEquals(200, r.status(), r.toString());
    }

    static Reply csv(String city, String query, String user, String body) {
        return send("POST", "/api/cities/" + city + "/crime-records?" + query, user, "text/csv", body);
    }

    /** A CSV upload of raw bytes (e.g. invalid UTF-8). */
    static Reply csvBytes(String city, String query, String user, byte[] body) {
        return sendBytes(HttpRequest.newBuilder(URI.create(BASE + "/api/cities/" + city + "/crime-records?" + query))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), user);
    }

    static Reply sendBytes(HttpRequest.Builder b, String user) {
        b.timeout(Duration.ofSeconds(300)).header("Content-Type", "text/csv")
                .header("Accept", "application/json, application/problem+json");
        if (user != null) {
            b.header("Authorization", "Bearer " + token(user));
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** key → count of a {@code {"rows":[{"key","count"}]}} answer (null key as "null"). */
    static Map<String, Long> rows(Reply r) {
        assertEquals(200, r.status(), r.toString());
        Map<String, Long> out = new LinkedHashMap<>();
        for (JsonValue v : r.json().getJsonArray("rows")) {
            JsonObject o = v.asJsonObject();
            String key = !o.containsKey("key") || o.isNull("key") ? "null" : o.getString("key");
            out.put(key, o.containsKey("count") && !o.isNull("count") ? o.getJsonNumber("count").longValue() : null);
        }
        return out;
    }

    static void assertProblem(Reply r, int status, String type) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.isProblem(), r.contentType() + " " + r.body());
        if (type != null) {
            assertEquals("https://safecity.cz/problems/" + type, r.json().getString("type"), r.body());
        }
        assertFalse(r.body().contains("Exception"), r.body());
    }
}
