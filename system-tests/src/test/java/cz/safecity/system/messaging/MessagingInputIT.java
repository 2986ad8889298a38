package cz.safecity.system.messaging;

import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.messaging.MessagingFixture.assertProblem;
import static cz.safecity.system.messaging.MessagingFixture.call;
import static cz.safecity.system.messaging.MessagingFixture.matters;
import static cz.safecity.system.messaging.MessagingFixture.submission;
import static cz.safecity.system.messaging.MessagingFixture.trackingPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport;
import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input answers a 4xx problem naming the field, never a 5xx; another city's ids and links answer 404; the
 * staff endpoints refuse the roles of another city (403); the per-address rate limit answers 429 with Retry-After;
 * the citizen exports and erases their contact data through the link; a tracking link expires the city's
 * {@code trackingLinkDays} after closing (time moved by the test clock).
 */
class MessagingInputIT {

    static String city;
    static String other;
    static final List<Integer> STATUSES = new ArrayList<>();

    @BeforeAll
    static void cities() {
        city = MessagingFixture.pragueCity("Praha vstupy");
        other = MessagingFixture.pragueCity("Praha jiná");
    }

    static Reply submit(String c, String body) {
        Reply r = call("POST", matters(c), null, "application/json", body);
        STATUSES.add(r.status());
        return r;
    }

    @Test
    void badInputIsAProblemNeverA5xx() {
        assertProblem(submit(city, "{\"category\":"), 400, "body");
        assertProblem(submit(city, "[1,2]"), 400, "body");
        assertProblem(submit(city, ""), 400, "body");
        assertProblem(submit(city, "{\"category\":5,\"text\":\"x\",\"district\":\"P1-01\",\"consent\":true}"), 400,
                "category");
        assertProblem(submit(city, "{\"category\":\"noise\",\"text\":[\"x\"],\"district\":\"P1-01\",\"consent\":true}"),
                400, "text");
        assertProblem(submit(city, "{\"category\":\"noise\",\"text\":\"x\",\"location\":{\"lat\":\"north\",\"lon\":1},"
                + "\"consent\":true}"), 400, "location.lat");
        assertProblem(submit(city, submission("no-such", "x", 50.085, 14.41, null)), 422, "category");
        assertProblem(submit(city, submission("noise", "", 50.085, 14.41, null)), 422, "text");
        Reply tooLong = submit(city, submission("noise", "ž".repeat(4001), 50.085, 14.41, null));
        assertProblem(tooLong, 422, "text");
        assertEquals(4000, tooLong.json().getInt("limit"), "names the limit");
        assertEquals(201, submit(city, submission("noise", "ž".repeat(4000), 50.085, 14.41, null)).status(),
                "exactly the limit is fine");
        assertProblem(submit(city, submission("noise", "Brno", 49.195, 16.608, null)), 422, "location");
        assertProblem(submit(city, "{\"category\":\"noise\",\"text\":\"x\",\"district\":\"P1-01\"}"), 422, "consent");
        assertProblem(submit(city, "{\"category\":\"noise\",\"text\":\"x\",\"consent\":true}"), 422, "location");
        assertProblem(submit(city, "{\"category\":\"noise\",\"text\":\"x\",\"district\":\"Z9\",\"consent\":true}"), 422,
                "district");
        assertProblem(submit(city, "{\"category\":\"noise\",\"text\":\"x\",\"district\":\"P1-01\",\"consent\":true,"
                + "\"contact\":{\"email\":\"not-an-address\"}}"), 400, "contact.email");
        Reply huge = submit(city, "{\"category\":\"noise\",\"text\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}");
        assertTrue(huge.status() >= 400 && huge.status() < 500, "5 MB body: " + huge.status());
        String html = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quotes\"";
        Reply stored = submit(city, submission("noise", html, 50.085, 14.41, null));
        assertEquals(201, stored.status(), stored.toString());
        Reply back = call("GET", trackingPath(stored.json().getString("trackingLink")), null, null, null);
        assertEquals(html, back.json().getString("text"), "stored raw, returned as typed (JSON-escaped once)");
        assertTrue(STATUSES.stream().noneMatch(s -> s >= 500), STATUSES.toString());
    }

    @Test
    void forgedLinksAndOtherCitiesAnswer404() {
        Reply mine = submit(city, submission("noise", "moje", 50.085, 14.41, null));
        String path = trackingPath(mine.json().getString("trackingLink"));
        long id = mine.json().getJsonNumber("id").longValue();
        assertProblem(call("GET", path.replace("/" + city + "/", "/" + other + "/"), null, null, null), 404, null);
        assertProblem(call("GET", path.substring(0, path.length() - 3) + "abc", null, null, null), 404, null);
        assertProblem(call("GET", "/api/cities/" + city + "/messaging/tracking/%3Cscript%3E", null, null, null), 404,
                null);
        assertProblem(get(matters(other) + "/" + id, MessagingFixture.ADMIN), 404, null);
        assertEquals(200, get(matters(city) + "/" + id, MessagingFixture.ADMIN).status());
    }

    @Test
    void staffEndpointsRefuseAnotherCitysRoles() {
        Reply mine = submit(city, submission("noise", "role", 50.085, 14.41, null));
        long id = mine.json().getJsonNumber("id").longValue();
        String m = matters(city) + "/" + id;
        assertProblem(get(matters(city), "constable.plzen"), 403, null);
        assertProblem(get(m, "police-officer.sokolov"), 403, null);
        for (String action : List.of("/replies", "/status", "/owner", "/reassign", "/escalate")) {
            assertProblem(SystemTestSupport.post(m + action, "councillor.plzen", "{\"text\":\"x\"}"), 403, null);
        }
        assertProblem(SystemTestSupport.put("/api/cities/" + city + "/messaging/ladder", "constable.plzen", "[]"), 403,
                null);
        assertProblem(SystemTestSupport.post("/api/cities/" + city + "/messaging/jobs/deadlines", "city-admin.plzen",
                ""), 403, null);
        assertProblem(get(matters(city), null), 401, null);
    }

    @Test
    void rateLimitPerAddressAnswers429WithRetryAfter() {
        String limited = MessagingFixture.pragueCity("Praha limit");
        MessagingFixture.settings(limited, "{\"rateLimitPerHour\":2}");
        assertEquals(201, submit(limited, submission("noise", "1", 50.085, 14.41, null)).status());
        assertEquals(201, submit(limited, submission("noise", "2", 50.085, 14.41, null)).status());
        Reply third = submit(limited, submission("noise", "3", 50.085, 14.41, null));
        assertProblem(third, 429, null);
        long retry = Long.parseLong(third.raw().headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry > 0 && retry <= 3600, "Retry-After " + retry);
    }

    @Test
    void anAnonymousMatterToTheLeadershipIsOneStatementWithinTheRateLimit() {
        String limited = MessagingFixture.pragueCity("Praha vedení");
        MessagingFixture.settings(limited, "{\"rateLimitPerHour\":2}");
        String body = "{\"category\":\"noise\",\"text\":\"vedení <&> „uvozovky“\",\"to\":\"leadership\",\"consent\":true}";
        Reply first = submit(limited, body);
        assertEquals(201, first.status(), first.toString());
        assertEquals("police-leadership", first.json().getJsonObject("level").getString("key"));
        JsonObject tracked = call("GET", trackingPath(first.json().getString("trackingLink")), null, null, null).json();
        assertEquals("vedení <&> „uvozovky“", tracked.getString("text"));
        assertEquals(1, tracked.getJsonArray("thread").size(), tracked.toString());
        assertEquals(201, submit(limited, body).status());
        Reply third = submit(limited, body);
        assertProblem(third, 429, null);
        assertTrue(third.raw().headers().firstValue("Retry-After").isPresent());
        assertEquals(2, get(matters(limited) + "?level=police-leadership", MessagingFixture.ADMIN).json()
                .getJsonArray("items").size(), "the refused one is not stored");
    }

    @Test
    void citizenExportsAndErasesContactData() {
        Reply r = submit(city, submission("noise", "kontakt", 50.085, 14.41, "erase-me@example.org"));
        String path = trackingPath(r.json().getString("trackingLink"));
        JsonObject export = call("GET", path + "/export", null, null, null).json();
        assertEquals("erase-me@example.org", export.getJsonObject("contact").getString("email"));
        assertEquals(204, call("DELETE", path + "/contact", null, null, null).status());
        JsonObject after = call("GET", path + "/export", null, null, null).json();
        assertTrue(after.getJsonObject("contact").isEmpty(), after.toString());
        assertEquals("kontakt", after.getString("text"), "the thread stays");
    }

    @Test
    void retentionErasesContactDataOfClosedMattersAfterTheCitysPeriod() {
        String kept = MessagingFixture.pragueCity("Praha retence");
        MessagingFixture.settings(kept, "{\"retentionDays\":2}");
        Reply r = submit(kept, submission("noise", "uzavřená", 50.085, 14.41, "retention@example.org"));
        long id = r.json().getJsonNumber("id").longValue();
        String path = trackingPath(r.json().getString("trackingLink"));
        assertEquals(200, SystemTestSupport.post(matters(kept) + "/" + id + "/status", MessagingFixture.ADMIN,
                "{\"status\":\"closed\"}").status());
        Reply open = submit(kept, submission("noise", "otevřená", 50.085, 14.41, "still-open@example.org"));
        String openPath = trackingPath(open.json().getString("trackingLink"));
        String job = "/api/cities/" + kept + "/messaging/jobs/retention";
        assertEquals(0, SystemTestSupport.post(job, MessagingFixture.ADMIN, "").json().getInt("erased"));
        try {
            assertEquals(200, SystemTestSupport.put("/api/cities/" + kept + "/test-clock", MessagingFixture.ADMIN,
                    "{\"offset\":\"P3D\"}").status());
            assertEquals(1, SystemTestSupport.post(job, MessagingFixture.ADMIN, "").json().getInt("erased"));
        } finally {
            SystemTestSupport.put("/api/cities/" + kept + "/test-clock", MessagingFixture.ADMIN,
                    "{\"offset\":\"PT0S\"}");
        }
        JsonObject erased = call("GET", path + "/export", null, null, null).json();
        assertTrue(erased.getJsonObject("contact").isEmpty(), erased.toString());
        assertEquals("uzavřená", erased.getString("text"), "the thread stays");
        assertEquals("still-open@example.org", call("GET", openPath + "/export", null, null, null).json()
                .getJsonObject("contact").getString("email"), "an open matter keeps its contact");
    }

    @Test
    void anExpiredTrackingLinkAnswersLikeAForgedOneAndTheMatterCannotBeReopened() {
        String c = MessagingFixture.pragueCity("Praha platnost odkazu");
        MessagingFixture.settings(c, "{\"trackingLinkDays\":2}");
        Reply r = submit(c, submission("noise", "platnost odkazu", 50.085, 14.41, null));
        long id = r.json().getJsonNumber("id").longValue();
        String path = trackingPath(r.json().getString("trackingLink"));
        String m = matters(c) + "/" + id;
        String clock = "/api/cities/" + c + "/test-clock";
        assertEquals(200, SystemTestSupport.post(m + "/status", MessagingFixture.ADMIN, "{\"status\":\"closed\"}")
                .status());
        try {
            assertEquals(200, SystemTestSupport.put(clock, MessagingFixture.ADMIN, "{\"offset\":\"P1D\"}").status());
            assertEquals(200, call("GET", path, null, null, null).status(), "valid 1 day after closing");
            assertEquals(200, SystemTestSupport.put(clock, MessagingFixture.ADMIN, "{\"offset\":\"P3D\"}").status());
            Reply expired = call("GET", path, null, null, null);
            Reply forged = call("GET", path.substring(0, path.length() - 3) + "abc", null, null, null);
            assertProblem(expired, 404, null);
            assertProblem(forged, 404, null);
            for (String k : List.of("type", "title", "detail")) {
                assertEquals(forged.json().getString(k, null), expired.json().getString(k, null), k);
            }
            assertProblem(call("GET", path + "/export", null, null, null), 404, null);
            assertProblem(call("POST", path + "/replies", null, "application/json", "{\"text\":\"ještě\"}"), 404,
                    null);
            assertProblem(SystemTestSupport.post(m + "/status", MessagingFixture.ADMIN,
                    "{\"status\":\"in-progress\"}"), 409, "status");
            assertEquals("closed", SystemTestSupport.get(m, MessagingFixture.ADMIN).json().getString("status"));
        } finally {
            SystemTestSupport.put(clock, MessagingFixture.ADMIN, "{\"offset\":\"PT0S\"}");
        }
        assertEquals(200, call("GET", path, null, null, null).status(), "back on the day of closing: valid");
        assertEquals(200, SystemTestSupport.post(m + "/status", MessagingFixture.ADMIN,
                "{\"status\":\"in-progress\"}").status(), "reopening while the link is valid");
        assertTrue(STATUSES.stream().noneMatch(s -> s >= 500), STATUSES.toString());
    }

    @Test
    void setupIsPublicAndEditableByTheCityAdmin() {
        assertTrue(get("/api/cities/" + city + "/messaging/categories", null).array().size() >= 5);
        Reply ladder = SystemTestSupport.put("/api/cities/" + other + "/messaging/ladder", MessagingFixture.ADMIN,
                "[{\"key\":\"working-group\",\"name\":\"Okrsek\",\"ackDays\":1,\"answerDays\":5},"
                        + "{\"key\":\"council\",\"name\":\"Rada\",\"bodyKind\":\"city-council\",\"ackDays\":5,"
                        + "\"answerDays\":20}]");
        assertEquals(200, ladder.status(), ladder.toString());
        assertEquals(2, get("/api/cities/" + other + "/messaging/ladder", null).array().size());
        assertProblem(SystemTestSupport.put("/api/cities/" + other + "/messaging/ladder", MessagingFixture.ADMIN,
                "[{\"key\":\"Bad Key\",\"name\":\"x\",\"ackDays\":1,\"answerDays\":1}]"), 400, "[0].key");
    }
}
