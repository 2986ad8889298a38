package cz.safecity.system.messaging;

import static cz.safecity.system.SystemTestSupport.post;
import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.SystemTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport;
import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Random test cities for the messaging system tests: two districts in Prague's centre ({@code P1-01} west of
 * 14.42 E, {@code P1-02} east of it, 50.08–50.09 N), made through the districts module's import API; mail is read
 * back with {@link cz.safecity.system.MailCatcher}.
 */
final class MessagingFixture {

    /** Acts as city-admin and platform-admin in random cities. */
    static final String ADMIN = "platform-admin";

    static final String PRAGUE_TWO = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"code":"P1-01","name":"Praha 1 – Staré Město"},"geometry":{"type":"Polygon",
              "coordinates":[[[14.40,50.08],[14.42,50.08],[14.42,50.09],[14.40,50.09],[14.40,50.08]]]}},
             {"type":"Feature","properties":{"code":"P1-02","name":"Praha 1 – Josefov"},"geometry":{"type":"Polygon",
              "coordinates":[[[14.42,50.08],[14.44,50.08],[14.44,50.09],[14.42,50.09],[14.42,50.08]]]}}]}""";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private MessagingFixture() {
    }

    /** A new random city named {@code name} with districts P1-01 and P1-02 in force from 2020-01-01. */
    static String pragueCity(String name) {
        String slug = SystemTestSupport.randomSlug();
        Reply city = post("/api/cities", ADMIN, "{\"slug\":\"" + slug + "\",\"name\":\"" + name
                + "\",\"locales\":[\"cs\",\"en\"]}");
        assertEquals(201, city.status(), city.toString());
        Reply imported = send("POST", "/api/cities/" + slug
                        + "/boundaries?codeProperty=code&nameProperty=name&validFrom=2020-01-01", ADMIN,
                "application/geo+json", PRAGUE_TWO);
        assertEquals(201, imported.status(), imported.toString());
        return slug;
    }

    /** Sets messaging settings of a city (as its admin). */
    static void settings(String city, String settingsJson) {
        Reply r = put("/api/cities/" + city + "/modules/messaging", ADMIN, "{\"enabled\":true,\"settings\":"
                + settingsJson + "}");
        assertEquals(200, r.status(), r.toString());
    }

    static String matters(String city) {
        return "/api/cities/" + city + "/messaging/matters";
    }

    /** A submission body. */
    static String submission(String category, String text, Double lat, Double lon, String email) {
        var b = Json.createObjectBuilder().add("category", category).add("text", text).add("consent", true);
        if (lat != null) {
            b.add("location", Json.createObjectBuilder().add("lat", lat).add("lon", lon));
        }
        if (email != null) {
            b.add("contact", Json.createObjectBuilder().add("name", "Jana Občanová").add("email", email));
        }
        return b.build().toString();
    }

    /** A request with a raw bearer token (a freshly fetched one, e.g. after a role change) or none. */
    static Reply call(String method, String path, String token, String contentType, String body,
                      String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SystemTestSupport.BASE + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, application/problem+json, */*");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The path part of a tracking link. */
    static String trackingPath(String link) {
        return URI.create(link).getPath();
    }

    static void assertProblem(Reply r, int status, String field) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.isProblem(), "not problem+json: " + r.contentType() + " " + r.body());
        JsonObject p = r.json();
        assertEquals(status, p.getInt("status"));
        if (field != null) {
            assertEquals(field, p.getString("field", null), r.body());
        }
        assertFalse(r.body().contains("Exception"), "leaks internals: " + r.body());
    }
}
