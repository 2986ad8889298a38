package cz.safecity.system.events;

import static cz.safecity.system.SystemTestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport;
import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

/** Shared helpers of the events system tests: random cities, bodies, the mail catcher, iCalendar parsing. */
final class EventsFixture {

    /** Acts as city-admin and platform-admin in random cities. */
    static final String ADMIN = "platform-admin";
    static final String MAIL_API = System.getProperty("mail.api", "http://127.0.0.1:8025");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private EventsFixture() {
    }

    static String city(String name) {
        return SystemTestSupport.newCity(name, null);
    }

    static String bodies(String city) {
        return "/api/cities/" + city + "/bodies";
    }

    /** Creates a body with a series and returns its id. */
    static long body(String city, String kind, String name, String rrule, String start) {
        Reply r = post(bodies(city), ADMIN, Json.createObjectBuilder().add("kind", kind).add("name", name)
                .add("scope", "city").add("series", Json.createObjectBuilder().add("rrule", rrule)
                        .add("start", start).add("durationMinutes", 90).add("location", "Radnice")).build()
                .toString());
        assertEquals(201, r.status(), r.toString());
        return r.json().getJsonNumber("id").longValue();
    }

    static void assertProblem(Reply r, int status, String field) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.isProblem(), "problem+json: " + r.contentType() + " " + r.body());
        if (field != null) {
            assertEquals(field, r.json().getString("field", null), r.body());
        }
    }

    /** Parses and validates an iCalendar text with ical4j. */
    static Calendar ical(Reply r) throws Exception {
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("text/calendar"), r.contentType());
        Calendar cal = new CalendarBuilder().build(new StringReader(r.body()));
        cal.validate();
        return cal;
    }

    /** A mail as the catcher shows it. */
    record Mail(String subject, String body) {
    }

    static List<Mail> inbox(String address) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(MAIL_API + "/api/user/"
                            + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return List.of();
            }
            JsonArray a = Json.createReader(new StringReader(r.body())).readArray();
            return a.stream().map(v -> v.asJsonObject()).map(o -> new Mail(o.getString("subject", ""),
                    o.getString("mimeMessage", ""))).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("mail catcher not reachable at " + MAIL_API + " (./safecity up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to 60 s for a mail to {@code address} whose (possibly encoded) subject mentions {@code part}. */
    static boolean awaitMail(String address, String part) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            if (inbox(address).stream().anyMatch(m -> m.subject().contains(part) || m.body().contains(part))) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Whether a member is absent or null (JSON-B leaves null members out). */
    static boolean absent(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    static JsonObject object(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
