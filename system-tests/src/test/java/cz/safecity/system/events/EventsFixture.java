package cz.safecity.system.events;

import static cz.safecity.system.SystemTestSupport.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.MailCatcher;
import cz.safecity.system.SystemTestSupport;
import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

/** Shared helpers of the events system tests: random cities, bodies, the mail catcher, iCalendar parsing. */
final class EventsFixture {

    /** Acts as city-admin and platform-admin in random cities. */
    static final String ADMIN = "platform-admin";

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

    /**
     * Waits up to 60 s for a mail to {@code address} whose subject or text mentions {@code part}.
     */
    static boolean awaitMail(String address, String part) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            if (MailCatcher.inbox(address).stream()
                    .anyMatch(m -> m.subject().contains(part) || m.body().contains(part))) {
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
