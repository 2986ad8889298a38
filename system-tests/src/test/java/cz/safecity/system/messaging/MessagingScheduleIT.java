package cz.safecity.system.messaging;

import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.messaging.MessagingFixture.ADMIN;
import static cz.safecity.system.messaging.MessagingFixture.call;
import static cz.safecity.system.messaging.MessagingFixture.matters;
import static cz.safecity.system.messaging.MessagingFixture.trackingPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport;
import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deadline job runs by itself: nobody calls {@code /messaging/jobs/deadlines}, the city's test clock is moved past
 * the deadline, and the running platform's scheduled job (once a minute across instances) escalates the matter. The
 * job is scheduled once per minute, so this test waits for it (polling, up to about two periods); the time that
 * decides the deadline is the test clock, not the wait. The other messaging tests run the job by hand and so could
 * not see that the scheduled runs failed in every city (their timer thread found no persistence unit).
 */
class MessagingScheduleIT {

    static String city;

    @BeforeAll
    static void cityWithMessaging() {
        city = SystemTestSupport.newCity("Zprávy plánovač", null);
        MessagingFixture.settings(city, "{\"rateLimitPerHour\":0}");
    }

    @AfterAll
    static void resetClock() {
        if (city != null) {
            put("/api/cities/" + city + "/test-clock", ADMIN, "{\"offset\":\"PT0S\"}");
        }
    }

    @Test
    void anOverdueMatterEscalatesWithoutAnyoneAsking() {
        Reply submitted = call("POST", matters(city), null, "application/json",
                "{\"category\":\"noise\",\"text\":\"Hluk v noci.\",\"to\":\"leadership\",\"consent\":true}");
        assertEquals(201, submitted.status(), submitted.toString());
        String path = trackingPath(submitted.json().getString("trackingLink"));
        String first = submitted.json().getJsonObject("level").getString("key");

        Reply clock = put("/api/cities/" + city + "/test-clock", ADMIN, "{\"offset\":\"P60D\"}");
        assertEquals(200, clock.status(), clock.toString());

        JsonObject seen = null;
        Instant until = Instant.now().plus(Duration.ofSeconds(150));
        while (Instant.now().isBefore(until)) {
            seen = call("GET", path, null, null, null).json();
            if (!first.equals(seen.getJsonObject("level").getString("key"))) {
                break;
            }
            MessagingIT.sleep(2_000);
        }
        assertNotEquals(first, seen.getJsonObject("level").getString("key"),
                "the scheduled job did not escalate the overdue matter within 150 s: " + seen);
        assertTrue(seen.getJsonArray("thread").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> "event".equals(e.getString("kind")) && e.getString("text").contains("deadline")),
                "the thread says why it climbed: " + seen);
    }
}
