package cz.safecity.system.events;

import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.SystemTestSupport.post;
import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.events.EventsFixture.ADMIN;
import static cz.safecity.system.events.EventsFixture.assertProblem;
import static cz.safecity.system.events.EventsFixture.awaitMail;
import static cz.safecity.system.events.EventsFixture.city;
import static cz.safecity.system.events.EventsFixture.ical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport;
import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;

/**
 * Public meetings over HTTP: the registration race (50 people for 20 seats, each sending twice at once, then
 * retrying), cancellation promoting the first waitlisted person who gets an e-mail, volunteers' consent, published
 * minutes, the public feed, and erasure of registrants' data after the retention period (test clock).
 */
class PublicMeetingsIT {

    static String base(String city) {
        return "/api/cities/" + city + "/public-meetings";
    }

    /** Announces a meeting {@code daysAhead} days from now (city time) with {@code capacity} seats. */
    static int announce(String city, int daysAhead, int capacity) {
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Prague")).plusDays(daysAhead)
                .truncatedTo(ChronoUnit.HOURS);
        Reply r = post(base(city), ADMIN, "{\"title\":\"Veřejné setkání okrsku 3\",\"district\":\"3\","
                + "\"place\":\"ZŠ Pionýrů, aula\",\"start\":\"" + start + "\",\"end\":\"" + start.plusHours(2)
                + "\",\"agenda\":\"Parkování, osvětlení\",\"capacity\":" + capacity + "}");
        assertEquals(201, r.status(), r.toString());
        return r.json().getInt("id");
    }

    static String person(int i, String run) {
        return "{\"name\":\"Občan " + i + "\",\"email\":\"obcan" + i + "-" + run + "@example.org\"}";
    }

    @Test
    void fiftyConcurrentRegistrationsForTwentySeatsGiveTwentyConfirmedAndThirtyWaitlisted() throws Exception {
        String city = city("Registrace");
        int id = announce(city, 10, 20);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String url = base(city) + "/" + id + "/registrations";
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Reply>> futures = new ArrayList<>();
        Map<Integer, List<Reply>> byPerson = new ConcurrentHashMap<>();
        try {
            // every person sends two requests at once (a double click)
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 50; i++) {
                    int person = i;
                    futures.add(pool.submit(() -> {
                        Reply r = post(url, null, person(person, run));
                        byPerson.computeIfAbsent(person, k -> java.util.Collections.synchronizedList(
                                new ArrayList<>())).add(r);
                        return r;
                    }));
                }
            }
            for (Future<Reply> f : futures) {
                Reply r = f.get();
                assertTrue(r.status() == 201 || r.status() == 200, r.toString());
            }
        } finally {
            pool.shutdown();
        }
        long created = futures.stream().map(f -> {
            try {
                return f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(r -> r.status() == 201).count();
        assertEquals(50, created, "one new registration per person");
        for (var e : byPerson.entrySet()) {
            Set2 ids = new Set2(e.getValue());
            assertEquals(1, ids.ids.size(), "both requests of person " + e.getKey() + " answer one registration");
            assertEquals(1, ids.statuses.size(), "and the same status");
        }
        // retries later answer the same registration, without a new token
        for (int i = 0; i < 50; i += 7) {
            Reply retry = post(url, null, person(i, run));
            assertEquals(200, retry.status(), retry.toString());
            assertTrue(EventsFixture.absent(retry.json(), "cancelToken"), "no new secret on a retry");
        }
        JsonObject meeting = get(base(city) + "/" + id, null).json();
        assertEquals(20, meeting.getInt("confirmed"));
        assertEquals(30, meeting.getInt("waitlisted"));
        assertEquals(0, meeting.getInt("seatsLeft"));
        List<JsonObject> staff = get(url, ADMIN).array().stream().map(JsonValue::asJsonObject).toList();
        assertEquals(50, staff.size());
        assertEquals(20, staff.stream().filter(r -> r.getString("status").equals("confirmed")).count());
        assertEquals(List.of(), staff.subList(0, 20).stream().filter(r -> !r.getString("status").equals("confirmed"))
                .toList(), "first come, first served");
        assertProblem(get(url, null), 401, null);

        // a confirmed person cancels with the secret from their answer; the first waitlisted is promoted and mailed
        JsonObject confirmed = byPerson.values().stream().flatMap(List::stream).filter(r -> r.status() == 201)
                .map(Reply::json).filter(j -> j.getString("status").equals("confirmed")).findFirst().orElseThrow();
        JsonObject firstWaiting = staff.get(20);
        assertEquals("waitlisted", firstWaiting.getString("status"));
        assertProblem(post(url + "/cancel", null, "{\"token\":\"wrong\"}"), 404, "token");
        Reply cancel = post(url + "/cancel", null, "{\"token\":\"" + confirmed.getString("cancelToken") + "\"}");
        assertEquals(200, cancel.status(), cancel.toString());
        assertTrue(cancel.json().getBoolean("promoted"));
        assertProblem(post(url + "/cancel", null, "{\"token\":\"" + confirmed.getString("cancelToken") + "\"}"), 404,
                "token");
        List<JsonObject> after = get(url, ADMIN).array().stream().map(JsonValue::asJsonObject).toList();
        JsonObject promoted = after.stream().filter(r -> r.getInt("id") == firstWaiting.getInt("id")).findFirst()
                .orElseThrow();
        assertEquals("confirmed", promoted.getString("status"));
        JsonObject gone = after.stream().filter(r -> r.getInt("id") == confirmed.getInt("id")).findFirst()
                .orElseThrow();
        assertEquals("cancelled", gone.getString("status"));
        assertTrue(EventsFixture.absent(gone, "email") && EventsFixture.absent(gone, "name"),
                "cancellation erases the personal data");
        JsonObject now = get(base(city) + "/" + id, null).json();
        assertEquals(20, now.getInt("confirmed"));
        assertEquals(29, now.getInt("waitlisted"));
        assertTrue(awaitMail(promoted.getString("email"), "Uvolnilo"), "the promoted person is told by e-mail");
    }

    @Test
    void offboardingPreviewsAndRemovesEveryEventsRow() {
        String city = city("Odchod");
        long body = EventsFixture.body(city, "narrow-group", "Užší", "FREQ=WEEKLY;INTERVAL=2", "2026-01-08T17:00");
        assertEquals(200, post(EventsFixture.bodies(city) + "/" + body + "/occurrences/2026-01-22T17:00/held", ADMIN,
                "").status());
        int id = announce(city, 5, 3);
        assertEquals(201, post(base(city) + "/" + id + "/registrations", null, person(1, city)).status());
        Reply preview = SystemTestSupport.delete("/api/cities/" + city + "?dryRun=true", ADMIN);
        assertEquals(200, preview.status(), preview.toString());
        JsonObject events = preview.json().getJsonObject("removed").getJsonObject("events");
        assertEquals(1, events.getInt("events_body"), events.toString());
        assertEquals(1, events.getInt("events_meeting"));
        assertEquals(1, events.getInt("events_public_meeting"));
        assertEquals(1, events.getInt("events_registration"));
        assertTrue(preview.json().getJsonObject("notCovered").isEmpty(), preview.body());
        Reply gone = SystemTestSupport.delete("/api/cities/" + city, ADMIN);
        assertEquals(200, gone.status(), gone.toString());
        assertEquals(404, get(EventsFixture.bodies(city), null).status());
    }

    /** Distinct ids and statuses of one person's answers. */
    record Set2(java.util.Set<Integer> ids, java.util.Set<String> statuses) {
        Set2(List<Reply> replies) {
            this(replies.stream().map(r -> r.json().getInt("id")).collect(Collectors.toSet()),
                    replies.stream().map(r -> r.json().getString("status")).collect(Collectors.toSet()));
        }
    }

    @Test
    void volunteersConsentMinutesFeedAndErasureAfterTheRetentionPeriod() throws Exception {
        String city = city("Dobrovolníci");
        int id = announce(city, 2, 5);
        String url = base(city) + "/" + id + "/registrations";
        assertProblem(post(url, null, "{\"name\":\"Petr\",\"email\":\"petr@example.org\",\"volunteer\":true}"), 400,
                "contactConsent");
        assertProblem(post(url, null, "{\"name\":\"Petr\",\"email\":\"not-an-email\"}"), 400, "email");
        assertProblem(post(url, null, "{\"email\":\"petr@example.org\"}"), 400, "name");
        assertProblem(post(base(city) + "/987654/registrations", null, person(1, "x")), 404, null);
        Reply v = post(url, null, "{\"name\":\"Petr Dobrovolník\",\"email\":\"petr-" + city + "@example.org\","
                + "\"volunteer\":true,\"volunteerRole\":\"přechod u školy\",\"contactConsent\":true}");
        assertEquals(201, v.status(), v.toString());
        assertEquals("confirmed", v.json().getString("status"));
        assertTrue(awaitMail("petr-" + city + "@example.org", "Registrace"), "confirmation mail");
        JsonObject staff = get(url, ADMIN).array().getJsonObject(0);
        assertTrue(staff.getBoolean("volunteer"));
        assertEquals("přechod u školy", staff.getString("volunteerRole"));

        assertEquals(200, put(base(city) + "/" + id + "/minutes", ADMIN, "{\"text\":\"Zápis ze setkání\"}")
                .status());
        assertEquals("Zápis ze setkání", get(base(city) + "/" + id, null).json().getString("minutes"));
        Calendar cal = ical(get(base(city) + "/calendar.ics", null));
        assertEquals(1, cal.getComponents("VEVENT").size());
        Calendar district = ical(get("/api/cities/" + city + "/events/calendar.ics?district=3", null));
        assertEquals(1, district.getComponents("VEVENT").size());

        // nothing is erased before the meeting is 30 days (the default) past
        Reply early = post("/api/cities/" + city + "/events/jobs/erase-registrants", ADMIN, "");
        assertEquals(200, early.status(), early.toString());
        assertEquals(0, early.json().getInt("registrations"));
        Reply moved = put("/api/cities/" + city + "/test-clock", ADMIN, "{\"offset\":\"P40D\"}");
        assertEquals(200, moved.status(), moved.toString());
        Reply erased = post("/api/cities/" + city + "/events/jobs/erase-registrants", ADMIN, "");
        assertEquals(200, erased.status(), erased.toString());
        assertEquals(1, erased.json().getInt("meetings"));
        assertEquals(1, erased.json().getInt("registrations"));
        JsonObject after = get(url, ADMIN).array().getJsonObject(0);
        assertTrue(EventsFixture.absent(after, "name") && EventsFixture.absent(after, "email")
                && after.getBoolean("erased"), after.toString());
        assertProblem(post(url, null, person(2, "late")), 409, "status");
    }
}
