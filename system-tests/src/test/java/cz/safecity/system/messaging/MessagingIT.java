package cz.safecity.system.messaging;

import static cz.safecity.system.SystemTestSupport.fetchToken;
import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.SystemTestSupport.post;
import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.messaging.MessagingFixture.ADMIN;
import static cz.safecity.system.messaging.MessagingFixture.assertProblem;
import static cz.safecity.system.MailCatcher.awaitMail;
import static cz.safecity.system.messaging.MessagingFixture.call;
import static cz.safecity.system.messaging.MessagingFixture.matters;
import static cz.safecity.system.messaging.MessagingFixture.submission;
import static cz.safecity.system.messaging.MessagingFixture.trackingPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.MailCatcher;
import cz.safecity.system.SystemTestSupport;
import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "done when" flow over HTTP against the running stack, with real PostgreSQL, Keycloak tokens and the
 * real SMTP mail catcher: a citizen submits by location in a Prague test city → routed to the right district → the
 * district's named constable (a demo user given the constable role in the test city) replies → the citizen gets the
 * mail and replies through the tracking link → the answer deadline passes (test clock, not sleeping) → the deadline
 * job escalates to the next level → a manual escalation to the coordination meeting fires the platform event.
 */
class MessagingIT {

    static final String CONSTABLE = "constable.praha";
    static String city;
    static String constableToken;
    static String constableName;
    static String wgMail;
    static String leadershipMail;
    static boolean meetingBody;

    @BeforeAll
    static void pragueCityWithANamedConstable() {
        city = MessagingFixture.pragueCity("Praha zprávy");
        wgMail = "wg-" + city + "@example.org";
        Reply member = post("/api/cities/" + city + "/districts/P1-01/working-group/constable", ADMIN,
                "{\"from\":\"2020-01-01\",\"username\":\"" + CONSTABLE + "\",\"displayName\":\"Strážník Demo (demo)\","
                        + "\"email\":\"" + wgMail + "\",\"demo\":true}");
        assertEquals(201, member.status(), member.toString());
        Reply roles = put("/api/cities/" + city + "/staff/" + CONSTABLE + "/roles", ADMIN,
                "{\"roles\":[\"constable\"]}");
        assertEquals(200, roles.status(), roles.toString());
        constableToken = fetchToken(CONSTABLE, SystemTestSupport.PASSWORD);
        // the leadership level gets an address for its notifications (the city-admin edits the default ladder)
        leadershipMail = "leadership-" + city + "@example.org";
        StringBuilder ladder = new StringBuilder("[");
        for (JsonValue v : get("/api/cities/" + city + "/messaging/ladder", null).array()) {
            JsonObject l = v.asJsonObject();
            var b = jakarta.json.Json.createObjectBuilder(l);
            if (l.getString("key").equals("police-leadership")) {
                b.add("notifyEmail", leadershipMail);
            }
            ladder.append(ladder.length() > 1 ? "," : "").append(b.build());
        }
        Reply edited = put("/api/cities/" + city + "/messaging/ladder", ADMIN, ladder.append("]").toString());
        assertEquals(200, edited.status(), edited.toString());
        // a coordination meeting body with a weekly cadence (events module), so that an escalation gets on its agenda
        Reply body = post("/api/cities/" + city + "/bodies", ADMIN, "{\"kind\":\"coordination-meeting\","
                + "\"name\":\"Koordinační porada (demo)\",\"scope\":\"city\",\"series\":{\"rrule\":"
                + "\"FREQ=WEEKLY\",\"start\":\"2026-11-02T17:00\",\"durationMinutes\":60}}");
        meetingBody = body.status() == 201;
        constableName = call("GET", "/api/cities/" + city + "/me", constableToken, null, null).json()
                .getString("displayName", null);
    }

    @AfterAll
    static void resetClockAndRoles() {
        if (city != null) {
            put("/api/cities/" + city + "/test-clock", ADMIN, "{\"offset\":\"PT0S\"}");
            put("/api/cities/" + city + "/staff/" + CONSTABLE + "/roles", ADMIN, "{\"roles\":[]}");
        }
    }

    @Test
    void citizenToConstableToEscalation() {
        String email = "citizen-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String key = UUID.randomUUID().toString();
        String text = "Na rohu <b>Karlovy</b> & \"Liliové\" se v noci shromažďují lidé, je tam hluk. Ž";
        Reply submitted = call("POST", matters(city), null, "application/json",
                submission("noise", text, 50.085, 14.41, email), "Idempotency-Key", key);
        assertEquals(201, submitted.status(), submitted.toString());
        JsonObject s = submitted.json();
        assertEquals("P1-01", s.getJsonObject("district").getString("code"), "routed to the district at the point");
        assertEquals("working-group", s.getJsonObject("level").getString("key"));
        String link = s.getString("trackingLink");
        assertTrue(s.getString("trackingSecret").length() >= 43, "long random secret");
        assertTrue(s.getString("trackingPage").endsWith("/portal/" + city + "/track/" + s.getString("trackingSecret")),
                "the page for people: " + s.getString("trackingPage"));
        long id = s.getJsonNumber("id").longValue();

        Reply again = call("POST", matters(city), null, "application/json",
                submission("noise", text, 50.085, 14.41, email), "Idempotency-Key", key);
        assertEquals(200, again.status(), "a retry with the same Idempotency-Key: " + again);
        assertEquals(id, again.json().getJsonNumber("id").longValue());
        assertEquals(link, again.json().getString("trackingLink"), "the same link again");
        Reply reused = call("POST", matters(city), null, "application/json",
                submission("noise", "Jiná zpráva, stejný klíč", 50.085, 14.41, email), "Idempotency-Key", key);
        assertEquals(422, reused.status(), "the key with another message must not answer the first one: " + reused);
        assertFalse(reused.body().contains(link), "no tracking link for another message: " + reused);

        MailCatcher.Mail confirmation = awaitMail(email, String.valueOf(id));
        // the mail gives the citizen the portal's thread page, not the JSON API
        String page = link.replace("/api/cities/" + city + "/messaging/tracking/", "/portal/" + city + "/track/");
        assertTrue(page.endsWith("/portal/" + city + "/track/" + s.getString("trackingSecret")), page);
        assertTrue(confirmation.body().contains(page), confirmation.body());
        assertFalse(confirmation.body().matches("(?s).*" + java.util.regex.Pattern.quote(link) + "\\s.*"),
                "no JSON link for people: " + confirmation.body());
        // the single-use link in the confirmation is the portal's confirmation page (in the mail's language), which
        // confirms the address through the API (reply notifications need it)
        java.util.regex.Matcher confirm = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(page)
                + "/confirm/([A-Za-z0-9_-]{43})\\?lang=cs").matcher(confirmation.body());
        assertTrue(confirm.find(), confirmation.body());
        String confirmApi = trackingPath(link) + "/confirm/" + confirm.group(1);
        assertEquals(200, call("GET", confirmApi, null, null, null).status());
        assertProblem(call("GET", confirmApi, null, null, null), 404, null);
        awaitMail(wgMail, String.valueOf(id)); // the working group hears of the new matter

        // the constable sees it in the district's inbox, takes it and answers publicly
        Reply inbox = call("GET", matters(city) + "?district=P1-01&status=new", constableToken, null, null);
        assertEquals(200, inbox.status(), inbox.toString());
        assertTrue(inbox.json().getJsonArray("items").stream().anyMatch(i -> i.asJsonObject().getJsonNumber("id")
                .longValue() == id), inbox.body());
        Reply mine = call("GET", matters(city) + "?mine=true", constableToken, null, null);
        assertEquals(200, mine.status(), mine.toString());
        assertTrue(mine.json().getJsonArray("items").stream().anyMatch(i -> i.asJsonObject().getJsonNumber("id")
                .longValue() == id), "the constable's own working group inbox: " + mine.body());
        assertTrue(mine.json().getJsonArray("items").stream().allMatch(i -> i.asJsonObject().getJsonObject("district")
                .getString("code").equals("P1-01")), mine.body());
        Reply own = call("POST", matters(city) + "/" + id + "/owner", constableToken, "application/json", "{}");
        assertEquals(200, own.status(), own.toString());
        Reply reply = call("POST", matters(city) + "/" + id + "/replies", constableToken, "application/json",
                "{\"text\":\"Děkujeme, hlídka to dnes večer prověří.\"}");
        assertEquals(201, reply.status(), reply.toString());
        assertEquals("constable", reply.json().getString("authorRole"));
        if (constableName != null) {
            assertEquals(constableName, reply.json().getString("authorName"));
        }
        Reply note = call("POST", matters(city) + "/" + id + "/replies", constableToken, "application/json",
                "{\"text\":\"interní: předat okrsku\",\"internal\":true}");
        assertEquals(201, note.status(), note.toString());

        MailCatcher.Mail answered = awaitMail(email, "Odpověď");
        assertTrue(answered.body().contains("hlídka to dnes večer prověří"), answered.body());

        // the citizen reads the thread through the link: text as typed, no internal note, owner and level shown
        Reply thread = call("GET", trackingPath(link), null, null, null);
        assertEquals(200, thread.status(), thread.toString());
        JsonObject t = thread.json();
        assertEquals(text, t.getString("text"), "stored and returned exactly as typed");
        assertEquals("answered", t.getString("status"));
        assertEquals("constable", t.getJsonObject("owner").getString("role"));
        assertNotNull(t.getJsonObject("level").getString("name"));
        assertFalse(thread.body().contains("interní"), "internal notes stay internal");
        Reply citizenReply = call("POST", trackingPath(link) + "/replies", null, "application/json",
                "{\"text\":\"Děkuji, dnes to bylo zase.\"}");
        assertEquals(201, citizenReply.status(), citizenReply.toString());
        assertEquals("in-progress", call("GET", trackingPath(link), null, null, null).json().getString("status"));
        assertNotNull(call("GET", trackingPath(link), null, null, null).json().getString("dueAt", null));

        // the answer deadline (14 working days) passes: the job escalates to the leadership, with the reason
        Reply clock = put("/api/cities/" + city + "/test-clock", ADMIN, "{\"offset\":\"P30D\"}");
        assertEquals(200, clock.status(), clock.toString());
        Reply job = post("/api/cities/" + city + "/messaging/jobs/deadlines", ADMIN, "");
        assertEquals(200, job.status(), job.toString()); // (the scheduled run may have been first: the state counts)
        JsonObject escalated = call("GET", matters(city) + "/" + id, constableToken, null, null).json();
        MailCatcher.Mail next = awaitMail(leadershipMail, String.valueOf(id)); // the next level is notified
        assertTrue(next.body().contains("deadline"), next.body());
        assertEquals("police-leadership", escalated.getJsonObject("level").getString("key"));
        assertEquals(1, escalated.getInt("escalations"));
        assertTrue(escalated.getJsonArray("thread").stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> e.getString("kind").equals("event") && e.getString("text").contains("deadline")),
                escalated.toString());

        // a person escalates it further, to the coordination meeting (a meeting body: MatterEscalated with bodyKind).
        // Known platform issue (reported): ModuleRegistry.isEnabled, asked by the events module's async observer,
        // fails with "closed EntityManager" when its cached entry expired (no transaction on that thread); a read of
        // an events endpoint of the city just before keeps the entry fresh for the observer.
        get("/api/cities/" + city + "/bodies", null);
        Reply manual = call("POST", matters(city) + "/" + id + "/escalate", constableToken, "application/json",
                "{\"reason\":\"opakuje se, potřeba koordinace s odborem dopravy\"}");
        assertEquals(200, manual.status(), manual.toString());
        assertEquals("coordination-meeting", manual.json().getJsonObject("level").getString("key"));
        Reply audit = get("/api/cities/" + city + "/audit", ADMIN);
        assertTrue(audit.body().contains("messaging.matter.escalated"), audit.body());
        // the events module observed MatterEscalated and answered MatterScheduled: the matter shows the meeting
        org.junit.jupiter.api.Assumptions.assumeTrue(meetingBody, "the events module is not there to take the item");
        JsonObject meeting = null;
        for (int i = 0; i < 40 && meeting == null; i++) {
            JsonObject m = call("GET", trackingPath(link), null, null, null).json();
            meeting = m.getJsonObject("meeting");
            if (meeting == null) {
                sleep(500);
            }
        }
        assertNotNull(meeting, "the matter shows the meeting it was put on");
        assertEquals("Koordinační porada (demo)", meeting.getString("body"));
        assertTrue(audit.body().contains("messaging.matter.replied"), audit.body());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void nearTheBoundaryTheCitizenMayMoveTheMatterOnce() {
        Reply r = call("POST", matters(city), null, "application/json",
                submission("traffic", "Auta parkují na chodníku.", 50.085, 14.41995, null));
        assertEquals(201, r.status(), r.toString());
        JsonObject s = r.json();
        assertEquals("P1-01", s.getJsonObject("district").getString("code"));
        assertTrue(s.getBoolean("nearBoundary"), s.toString());
        assertTrue(s.getBoolean("canMove"));
        String path = trackingPath(s.getString("trackingLink"));
        Reply moved = call("POST", path + "/district", null, "application/json", "{\"district\":\"P1-02\"}");
        assertEquals(200, moved.status(), moved.toString());
        assertEquals("P1-02", moved.json().getJsonObject("district").getString("code"));
        assertProblem(call("POST", path + "/district", null, "application/json", "{\"district\":\"P1-01\"}"), 409,
                "district");
    }

    @Test
    void staffReassignAndStatusesAreAudited() {
        Reply r = call("POST", matters(city), null, "application/json",
                "{\"category\":\"other\",\"text\":\"Rozbitá lampa\",\"district\":\"P1-01\",\"consent\":true}");
        assertEquals(201, r.status(), r.toString());
        long id = r.json().getJsonNumber("id").longValue();
        String m = matters(city) + "/" + id;
        assertEquals(200, call("POST", m + "/status", constableToken, "application/json",
                "{\"status\":\"acknowledged\"}").status());
        Reply moved = call("POST", m + "/reassign", constableToken, "application/json",
                "{\"district\":\"P1-02\",\"reason\":\"lampa stojí přes ulici\"}");
        assertEquals(200, moved.status(), moved.toString());
        assertEquals("P1-02", moved.json().getJsonObject("district").getString("code"));
        assertProblem(call("POST", m + "/status", constableToken, "application/json", "{\"status\":\"new\"}"), 409,
                "status");
        assertEquals("closed", call("POST", m + "/status", constableToken, "application/json",
                "{\"status\":\"closed\"}").json().getString("status"));
        assertEquals("in-progress", call("POST", m + "/status", constableToken, "application/json",
                "{\"status\":\"in-progress\",\"reason\":\"občan se ozval\"}").json().getString("status"));
        Reply audit = get("/api/cities/" + city + "/audit", ADMIN);
        for (String action : List.of("messaging.matter.reassigned", "messaging.matter.status",
                "messaging.matter.reopened")) {
            assertTrue(audit.body().contains(action), action + " in " + audit.body());
        }
    }

    @Test
    void inboxPagesByKeyset() {
        for (int i = 0; i < 3; i++) {
            assertEquals(201, call("POST", matters(city), null, "application/json",
                    "{\"category\":\"drugs\",\"text\":\"stránkování " + i + "\",\"to\":\"leadership\","
                            + "\"consent\":true}").status());
        }
        Reply first = call("GET", matters(city) + "?level=police-leadership&category=drugs&limit=2", constableToken,
                null, null);
        assertEquals(200, first.status(), first.toString());
        assertEquals(2, first.json().getJsonArray("items").size());
        String next = first.json().getString("next");
        Reply second = call("GET", matters(city) + "?level=police-leadership&category=drugs&limit=2&after=" + next,
                constableToken, null, null);
        assertEquals(200, second.status(), second.toString());
        assertTrue(second.json().getJsonArray("items").size() >= 1);
        long lastOfFirst = first.json().getJsonArray("items").getJsonObject(1).getJsonNumber("id").longValue();
        long firstOfSecond = second.json().getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        assertTrue(firstOfSecond < lastOfFirst, "newest first, no repeats");
    }
}
