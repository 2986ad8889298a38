package cz.safecity.system.platform;

import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.SystemTestSupport.newCity;
import static cz.safecity.system.SystemTestSupport.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport.Reply;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The per-city test clock that other tests use to move business time instead of sleeping. */
class BusinessClockIT {

    @Test
    void platformAdminMovesOneCitysTimeAndOnlyThatCity() {
        String city = newCity("Test clock", null);
        String other = newCity("Test clock other", null);
        String path = "/api/cities/" + city + "/test-clock";

        Reply before = get(path, "platform-admin");
        assertEquals(200, before.status(), before.toString());
        assertEquals("PT0S", before.json().getString("offset"));

        Reply moved = put(path, "platform-admin", "{\"offset\":\"P3D\"}");
        assertEquals(200, moved.status(), moved.toString());
        assertEquals("PT72H", moved.json().getString("offset"));
        Duration ahead = Duration.between(OffsetDateTime.now(), OffsetDateTime.parse(moved.json().getString("now")));
        assertTrue(ahead.compareTo(Duration.ofHours(71)) > 0 && ahead.compareTo(Duration.ofHours(73)) < 0,
                "3 days ahead: " + ahead);
        assertEquals("PT0S", get("/api/cities/" + other + "/test-clock", "platform-admin").json().getString("offset"));

        assertEquals("PT0S", put(path, "platform-admin", "{\"offset\":\"PT0S\"}").json().getString("offset"));
    }

    @Test
    void badOffsetsAndOtherRolesAreRefused() {
        String city = newCity("Test clock refusals", null);
        String path = "/api/cities/" + city + "/test-clock";
        Reply bad = put(path, "platform-admin", "{\"offset\":\"three days\"}");
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.isProblem(), bad.toString());
        assertEquals("offset", bad.json().getString("field"));
        Reply missing = put(path, "platform-admin", "{}");
        assertEquals(400, missing.status(), missing.toString());
        assertEquals(401, put(path, null, "{\"offset\":\"P1D\"}").status());
        assertEquals(403, put(path, "coordinator", "{\"offset\":\"P1D\"}").status());
        assertEquals(403, put("/api/cities/plzen/test-clock", "city-admin.plzen", "{\"offset\":\"P1D\"}").status());
        assertEquals(404, get("/api/cities/no-such-city/test-clock", "platform-admin").status());
    }
}
