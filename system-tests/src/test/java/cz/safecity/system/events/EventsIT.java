package cz.safecity.system.events;

import static cz.safecity.system.SystemTestSupport.delete;
import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.SystemTestSupport.post;
import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.events.EventsFixture.ADMIN;
import static cz.safecity.system.events.EventsFixture.assertProblem;
import static cz.safecity.system.events.EventsFixture.bodies;
import static cz.safecity.system.events.EventsFixture.body;
import static cz.safecity.system.events.EventsFixture.city;
import static cz.safecity.system.events.EventsFixture.ical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/**
 * Bodies and meeting cadences over HTTP: the Sokolov and Plzeň seed cadences across DST switches, single occurrences
 * moved and cancelled, iCalendar feeds parsed back with ical4j, meetings with agenda/minutes/decisions, measures with
 * reviews, indicators, isolation, roles and bad input.
 */
class EventsIT {

    static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    /** The first {@code n} occurrences of a body from {@code from} (a year's window). */
    static List<JsonObject> occurrences(String city, long body, String from, String to) {
        Reply r = get(bodies(city) + "/" + body + "/occurrences?from=" + from + "&to=" + to, null);
        assertEquals(200, r.status(), r.toString());
        return r.array().stream().map(JsonValue::asJsonObject).toList();
    }

    /** Every start is 17:00 local with the offset Prague has on that day. */
    static void assertSeventeenLocal(List<JsonObject> list) {
        for (JsonObject o : list) {
            OffsetDateTime start = OffsetDateTime.parse(o.getString("start"));
            assertEquals(LocalTime.of(17, 0), start.toLocalTime(), o.toString());
            ZonedDateTime inPrague = start.toLocalDateTime().atZone(PRAGUE);
            assertEquals(inPrague.getOffset(), start.getOffset(), "offset of " + o);
        }
    }

    @Test
    void sokolovSeedCadencesGiveTwelveOccurrencesAcrossTheDstSwitchesAt17LocalTime() {
        String city = city("Sokolov kadence");
        Reply seeded = post(bodies(city) + "/seed", ADMIN, "{\"template\":\"sokolov\",\"start\":\"2027-02-04\"}");
        assertEquals(201, seeded.status(), seeded.toString());
        JsonArray list = get(bodies(city), null).array();
        assertEquals(3, list.size(), list.toString());
        var byKind = list.stream().map(JsonValue::asJsonObject).collect(Collectors.toMap(o -> o.getString("kind"),
                o -> o));
        assertEquals("FREQ=WEEKLY;INTERVAL=2", byKind.get("narrow-group").getString("rrule"));
        assertEquals("FREQ=MONTHLY;BYDAY=2TH", byKind.get("broad-group").getString("rrule"));
        assertEquals("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH", byKind.get("security-commission").getString("rrule"));
        for (JsonObject b : byKind.values()) {
            for (String f : List.of("id", "kind", "name", "scope", "rrule", "icalUrl")) {
                assertTrue(b.containsKey(f), f + " in " + b);
            }
            assertTrue(b.getString("icalUrl").endsWith("/api/cities/" + city + "/bodies/" + b.getInt("id")
                    + "/calendar.ics"), b.toString());
        }
        // narrow group: 4 Feb 2027 + 14 days…; the 12 cross 28 March (CET → CEST)
        List<JsonObject> narrow = occurrences(city, byKind.get("narrow-group").getInt("id"), "2027-02-01",
                "2028-02-01").subList(0, 12);
        assertEquals("2027-02-04T17:00:00+01:00", narrow.get(0).getString("start"));
        assertEquals("2027-03-18T17:00:00+01:00", narrow.get(3).getString("start"));
        assertEquals("2027-04-01T17:00:00+02:00", narrow.get(4).getString("start"));
        assertEquals("2027-04-01T18:30:00+02:00", narrow.get(4).getString("end"));
        assertSeventeenLocal(narrow);
        narrow.forEach(o -> assertEquals("planned", o.getString("status")));
        // broad group monthly: 12 from Feb 2027 cross both switches (28 March and 31 October)
        List<JsonObject> broad = occurrences(city, byKind.get("broad-group").getInt("id"), "2027-02-01",
                "2028-01-31");
        assertEquals(12, broad.size(), broad.toString());
        assertSeventeenLocal(broad);
        assertEquals("2027-11-11T17:00:00+01:00", broad.get(9).getString("start"));
        assertEquals("2027-10-14T17:00:00+02:00", broad.get(8).getString("start"));
        // commission every 2 months: 12 occurrences span two years
        List<JsonObject> commission = occurrences(city, byKind.get("security-commission").getInt("id"),
                "2027-02-01", "2029-02-01");
        assertEquals(12, commission.size(), commission.toString());
        assertSeventeenLocal(commission);
        assertEquals("2027-02-18T17:00:00+01:00", commission.get(0).getString("start"));
        assertEquals("2027-04-15T17:00:00+02:00", commission.get(1).getString("start"));
        // seeding again keeps the existing bodies
        assertEquals(201, post(bodies(city) + "/seed", ADMIN, "{\"template\":\"sokolov\"}").status());
        assertEquals(3, get(bodies(city), null).array().size());
    }

    @Test
    void plzenSeedCadencesHaveBoroughGroupsAndCommissionsAtBothLevels() {
        String city = city("Plzeň kadence");
        Reply seeded = post(bodies(city) + "/seed", ADMIN, "{\"template\":\"plzen\",\"start\":\"2027-03-01\","
                + "\"boroughs\":10,\"time\":\"17:00\"}");
        assertEquals(201, seeded.status(), seeded.toString());
        List<JsonObject> list = get(bodies(city), null).array().stream().map(JsonValue::asJsonObject).toList();
        assertEquals(22, list.size(), "10 borough groups, city hall, city commission, 10 borough commissions");
        assertEquals(10, list.stream().filter(o -> o.getString("kind").equals("borough-group")).count());
        assertEquals(11, list.stream().filter(o -> o.getString("kind").equals("security-commission")).count());
        JsonObject borough3 = list.stream().filter(o -> o.getString("name").equals("Pracovní skupina obvodu Plzeň 3"))
                .findFirst().orElseThrow();
        assertEquals("borough", borough3.getString("scope"));
        assertEquals("FREQ=WEEKLY;INTERVAL=2", borough3.getString("rrule"));
        List<JsonObject> twelve = occurrences(city, borough3.getInt("id"), "2027-03-01", "2027-12-31")
                .subList(0, 12);
        assertEquals("2027-03-15T17:00:00+01:00", twelve.get(1).getString("start"));
        assertEquals("2027-03-29T17:00:00+02:00", twelve.get(2).getString("start"), "the day after the switch");
        assertSeventeenLocal(twelve);
        JsonObject hall = list.stream().filter(o -> o.getString("kind").equals("city-hall-group")).findFirst()
                .orElseThrow();
        assertEquals("FREQ=MONTHLY;BYDAY=2MO", hall.getString("rrule"));
        List<JsonObject> monthly = occurrences(city, hall.getInt("id"), "2027-03-01", "2028-03-01");
        assertEquals(12, monthly.size());
        assertSeventeenLocal(monthly);
        assertTrue(get(bodies(city) + "?kind=security-commission", null).array().size() == 11);
        assertProblem(get(bodies(city) + "?kind=club", null), 400, "kind");
    }

    @Test
    void movedAndCancelledOccurrencesAndTheFeedParsedBack() throws Exception {
        String city = city("Přesuny");
        long id = body(city, "narrow-group", "Užší skupina <test> & \"uvozovky\"", "FREQ=WEEKLY;INTERVAL=2",
                "2027-03-04T17:00");
        String occ = bodies(city) + "/" + id + "/occurrences/";
        Reply moved = post(occ + "2027-03-18T17:00/move", ADMIN, "{\"start\":\"2027-03-30T18:00\","
                + "\"location\":\"Hasičská zbrojnice\"}");
        assertEquals(200, moved.status(), moved.toString());
        assertEquals("moved", moved.json().getJsonObject("occurrence").getString("status"));
        // moved again: still one occurrence
        assertEquals(200, post(occ + "2027-03-18T17:00/move", ADMIN, "{\"start\":\"2027-03-31T18:00\"}").status());
        Reply cancelled = post(occ + "2027-04-15T17:00/cancel", ADMIN, "{\"reason\":\"Velikonoce\"}");
        assertEquals(200, cancelled.status(), cancelled.toString());

        List<JsonObject> list = occurrences(city, id, "2027-03-01", "2027-05-31");
        assertEquals(List.of("2027-03-04T17:00:00+01:00", "2027-03-31T18:00:00+02:00", "2027-04-01T17:00:00+02:00",
                        "2027-04-15T17:00:00+02:00", "2027-04-29T17:00:00+02:00", "2027-05-13T17:00:00+02:00",
                        "2027-05-27T17:00:00+02:00"),
                list.stream().map(o -> o.getString("start")).toList());
        JsonObject m = list.get(1);
        assertEquals("moved", m.getString("status"));
        assertEquals("2027-03-18T17:00", m.getString("recurrenceId"));
        assertEquals("2027-03-18T17:00:00+01:00", m.getString("originalStart"));
        assertEquals("2027-03-31T19:30:00+02:00", m.getString("end"));
        assertEquals("Hasičská zbrojnice", m.getString("location"));
        assertEquals("cancelled", list.get(3).getString("status"));
        assertEquals("Velikonoce", list.get(3).getString("cancelReason"));
        // a window around the original date only: the moved occurrence is not listed twice
        assertEquals(0, occurrences(city, id, "2027-03-17", "2027-03-19").size());

        assertProblem(post(occ + "2027-04-15T17:00/move", ADMIN, "{\"start\":\"2027-04-16T17:00\"}"), 409, "status");
        assertProblem(post(occ + "2027-04-08T17:00/move", ADMIN, "{\"start\":\"2027-04-16T17:00\"}"), 404,
                "recurrenceId");
        assertProblem(post(occ + "not-a-date/cancel", ADMIN, "{}"), 400, "recurrenceId");
        assertProblem(post(occ + "2027-04-29T17:00/held", ADMIN, ""), 409, "status");

        Calendar cal = ical(get(bodies(city) + "/" + id + "/calendar.ics", null));
        VTimeZone tz = (VTimeZone) cal.getComponents("VTIMEZONE").get(0);
        assertEquals("Europe/Prague", tz.getTimeZoneId().getValue());
        List<VEvent> events = cal.getComponents("VEVENT");
        assertEquals(2, events.size(), "the series and one RECURRENCE-ID override");
        VEvent master = events.stream().filter(e -> e.getProperty("RRULE").isPresent()).findFirst().orElseThrow();
        assertEquals("Užší skupina <test> & \"uvozovky\"", master.getSummary().getValue());
        assertEquals("FREQ=WEEKLY;INTERVAL=2", master.getProperty("RRULE").orElseThrow().getValue());
        assertTrue(master.getProperty("EXDATE").orElseThrow().getValue().contains("20270415T170000"));
        VEvent override = events.stream().filter(e -> e.getProperty("RECURRENCE-ID").isPresent()).findFirst()
                .orElseThrow();
        assertEquals("20270318T170000", override.getProperty("RECURRENCE-ID").orElseThrow().getValue());
        assertEquals("20270331T180000", override.getProperty("DTSTART").orElseThrow().getValue());
        ZonedDateTime from = LocalDate.of(2027, 3, 1).atStartOfDay(PRAGUE);
        Set<String> starts = master.<Temporal>calculateRecurrenceSet(new Period<>(from, from.plusMonths(3)))
                .stream().map(p -> p.getStart().toString()).collect(Collectors.toSet());
        assertFalse(starts.stream().anyMatch(s -> s.startsWith("2027-04-15")), "EXDATE applied: " + starts);
        assertTrue(starts.stream().anyMatch(s -> s.startsWith("2027-04-01T17:00")), starts.toString());

        // the city-wide feed parses too and holds the body
        Calendar all = ical(get("/api/cities/" + city + "/events/calendar.ics", null));
        assertEquals(2, all.getComponents("VEVENT").size());
    }

    @Test
    void meetingsRecordAgendaAttendanceMinutesDecisionsAndCountTowardsAdherence() {
        String city = city("Schůze");
        long id = body(city, "coordination-meeting", "Koordinační porada", "FREQ=WEEKLY;INTERVAL=2",
                "2026-01-05T17:00");
        String past = "2026-01-19T17:00";
        String occ = bodies(city) + "/" + id + "/occurrences/" + past;
        Reply agenda = post(occ + "/agenda", ADMIN, "{\"title\":\"Rizikové místo u nádraží\"}");
        assertEquals(201, agenda.status(), agenda.toString());
        assertEquals(200, put(occ + "/attendance", ADMIN, "{\"people\":[{\"name\":\"Jan Novák\",\"role\":\"policista\","
                + "\"institution\":\"Policie ČR\"},{\"name\":\"Eva Malá\",\"role\":\"strážník\",\"present\":false}]}")
                .status());
        assertEquals(200, put(occ + "/minutes", ADMIN, "{\"text\":\"Zápis: osvětlení podchodu.\"}").status());
        Reply measure = post("/api/cities/" + city + "/measures", ADMIN, "{\"title\":\"Osvětlit podchod\","
                + "\"owner\":\"Jan Novák\",\"deadline\":\"2026-02-28\",\"startedOn\":\"2026-01-19\",\"bodyId\":" + id
                + "}");
        assertEquals(201, measure.status(), measure.toString());
        int measureId = measure.json().getInt("id");
        assertTrue(measure.json().getBoolean("overdue"), "deadline passed, not done: " + measure.body());
        assertEquals(201, post(occ + "/decisions", ADMIN, "{\"text\":\"Osvětlit podchod\",\"measureId\":" + measureId
                + "}").status());
        assertEquals(200, post(occ + "/held", ADMIN, "").status());

        JsonObject publicView = get(occ, null).json();
        assertEquals("held", publicView.getJsonObject("occurrence").getString("status"));
        assertEquals(1, publicView.getJsonArray("agenda").size());
        assertEquals(2, publicView.getJsonArray("attendance").size());
        assertTrue(EventsFixture.absent(publicView, "minutes"), "unpublished minutes are not public");
        assertEquals("Zápis: osvětlení podchodu.", get(occ, ADMIN).json().getString("minutes"));
        assertEquals(200, put(occ + "/minutes", ADMIN, "{\"text\":\"Zápis.\",\"published\":true}").status());
        assertEquals("Zápis.", get(occ, null).json().getString("minutes"));
        assertEquals(measureId, publicView.getJsonArray("decisions").getJsonObject(0).getInt("measureId"));

        JsonArray overdue = get("/api/cities/" + city + "/measures?overdue=true", null).array();
        assertEquals(1, overdue.size());
        Reply review = post("/api/cities/" + city + "/measures/" + measureId + "/reviews", ADMIN,
                "{\"rating\":4,\"note\":\"Méně stížností\",\"reviewedOn\":\"2026-06-10\"}");
        assertEquals(201, review.status(), review.toString());
        JsonObject r = review.json().getJsonArray("reviews").getJsonObject(0);
        assertEquals(4, r.getInt("rating"));
        assertEquals("2026-01", r.getString("afterFrom"));
        assertEquals("2026-05", r.getString("afterTo"));
        assertEquals("2025-01", r.getString("beforeFrom"));
        assertNotNull(r.getString("figuresNote"));
        if (EventsFixture.absent(r, "offencesBefore")) {
            assertTrue(EventsFixture.absent(r, "offencesAfter"));
        }
        JsonObject done = put("/api/cities/" + city + "/measures/" + measureId, ADMIN, "{\"title\":\"Osvětlit"
                + " podchod\",\"owner\":\"Jan Novák\",\"deadline\":\"2026-02-28\",\"startedOn\":\"2026-01-19\","
                + "\"status\":\"done\"}").json();
        assertFalse(done.getBoolean("overdue"));

        JsonArray indicators = get("/api/cities/" + city + "/indicators", null).array();
        var values = indicators.stream().map(JsonValue::asJsonObject).filter(o -> "events".equals(
                o.getString("module", ""))).collect(Collectors.toMap(o -> o.getString("key"), o -> o));
        assertTrue(values.containsKey("events.cadence-adherence"), indicators.toString());
        assertEquals(1, values.get("events.meetings-held").getInt("value"));
        assertTrue(values.get("events.meetings-planned").getInt("value") >= 20, values.toString());
    }

    @Test
    void expertGroupMembersFromNamedInstitutionsKeepTheirHistory() {
        String city = city("Členové");
        Reply created = post(bodies(city), ADMIN, "{\"kind\":\"expert-group\",\"name\":\"Odborná pracovní skupina\","
                + "\"scope\":\"city\",\"members\":[{\"name\":\"Eva Bílá\",\"role\":\"member\",\"institution\":"
                + "\"Intervenční centrum\",\"from\":\"2026-01-01\"},{\"name\":\"Petr Král\",\"role\":\"chair\","
                + "\"institution\":\"Policie ČR\",\"from\":\"2026-01-01\"}]}");
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();
        assertTrue(EventsFixture.absent(created.json(), "rrule"), "no series: meets ad hoc");
        int petr = created.json().getJsonArray("members").stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("name").equals("Petr Král")).findFirst().orElseThrow().getInt("id");
        Reply ended = post(bodies(city) + "/" + id + "/members/" + petr + "/end", ADMIN, "{\"on\":\"2026-06-30\"}");
        assertEquals(200, ended.status(), ended.toString());
        assertProblem(post(bodies(city) + "/" + id + "/members/" + petr + "/end", ADMIN, "{\"on\":\"2025-01-01\"}"),
                400, "on");
        Reply added = post(bodies(city) + "/" + id + "/members", ADMIN, "{\"name\":\"Marie Nová\",\"role\":\"chair\","
                + "\"institution\":\"Státní zastupitelství\",\"from\":\"2026-07-01\"}");
        assertEquals(201, added.status(), added.toString());
        List<JsonObject> members = get(bodies(city) + "/" + id, null).json().getJsonArray("members").stream()
                .map(JsonValue::asJsonObject).toList();
        assertEquals(3, members.size(), "history kept: " + members);
        JsonObject former = members.stream().filter(m -> m.getString("name").equals("Petr Král")).findFirst()
                .orElseThrow();
        assertEquals("2026-06-30", former.getString("validTo"));
        assertEquals("Policie ČR", former.getString("institution"));
        assertEquals(List.of("Intervenční centrum", "Policie ČR", "Státní zastupitelství"), members.stream()
                .map(m -> m.getString("institution")).sorted().toList());
        assertTrue(get(bodies(city) + "/" + id + "/occurrences", null).array().isEmpty());
    }

    @Test
    void tenantIsolationAndRoles() {
        String a = city("Izolace A");
        String b = city("Izolace B");
        long id = body(a, "security-commission", "Komise", "FREQ=MONTHLY;BYDAY=1TH", "2027-01-07T17:00");
        assertProblem(get(bodies(b) + "/" + id, null), 404, null);
        assertProblem(get(bodies(b) + "/" + id + "/occurrences", null), 404, null);
        assertProblem(get(bodies(b) + "/" + id + "/calendar.ics", null), 404, null);
        assertProblem(post(bodies(b) + "/" + id + "/occurrences/2027-02-04T17:00/cancel", ADMIN, "{}"), 404, null);
        assertProblem(put(bodies(b) + "/" + id, ADMIN, "{\"kind\":\"city-council\",\"name\":\"x\",\"scope\":\"city\"}"),
                404, null);
        assertTrue(get(bodies(b), null).array().isEmpty(), "another city's bodies never listed");
        // public reads, staff writes by role and city
        assertEquals(200, get(bodies(a), null).status());
        assertEquals(200, get(bodies(a) + "/" + id + "/occurrences", null).status());
        String body = "{\"kind\":\"city-council\",\"name\":\"Zastupitelstvo\",\"scope\":\"city\"}";
        assertEquals(401, post(bodies(a), null, body).status());
        assertEquals(403, post(bodies(a), "city-admin.sokolov", body).status(), "another city's admin");
        assertEquals(403, post(bodies(a) + "/" + id + "/occurrences/2027-02-04T17:00/cancel", "constable.sokolov",
                "{}").status());
        assertEquals(401, post(bodies(a) + "/" + id + "/occurrences/2027-02-04T17:00/cancel", null, "{}").status());
        assertEquals(401, get("/api/cities/" + a + "/event-plans", null).status());
        assertEquals(403, get("/api/cities/" + a + "/event-plans", "councillor.plzen").status());
        assertEquals(403, post("/api/cities/" + a + "/events/jobs/erase-registrants", "city-admin.sokolov", "")
                .status());
        // every other kind of object of city A is 404 through city B
        int measure = post("/api/cities/" + a + "/measures", ADMIN, "{\"title\":\"M\",\"owner\":\"O\","
                + "\"deadline\":\"2027-01-01\"}").json().getInt("id");
        int meeting = post("/api/cities/" + a + "/public-meetings", ADMIN, "{\"title\":\"S\",\"place\":\"P\","
                + "\"start\":\"2030-01-01T18:00\",\"end\":\"2030-01-01T20:00\",\"capacity\":5}").json().getInt("id");
        int plan = post("/api/cities/" + a + "/event-plans", ADMIN, "{\"title\":\"T\",\"organiser\":\"O\","
                + "\"place\":\"P\",\"start\":\"2030-01-01T18:00\",\"end\":\"2030-01-01T20:00\","
                + "\"expectedAttendance\":10,\"riskLevel\":\"low\"}").json().getInt("id");
        int project = post("/api/cities/" + a + "/prevention-projects", ADMIN, "{\"name\":\"P\","
                + "\"targetGroup\":\"youth\"}").json().getInt("id");
        assertProblem(get("/api/cities/" + b + "/measures/" + measure, null), 404, null);
        assertProblem(post("/api/cities/" + b + "/measures/" + measure + "/reviews", ADMIN, "{\"rating\":3}"), 404,
                null);
        assertProblem(get("/api/cities/" + b + "/public-meetings/" + meeting, null), 404, null);
        assertProblem(post("/api/cities/" + b + "/public-meetings/" + meeting + "/registrations", null,
                "{\"name\":\"X\",\"email\":\"x@example.org\"}"), 404, null);
        assertProblem(get("/api/cities/" + b + "/event-plans/" + plan, ADMIN), 404, null);
        assertProblem(get("/api/cities/" + b + "/prevention-projects/" + project, null), 404, null);
        assertTrue(get("/api/cities/" + b + "/measures", null).array().isEmpty());
        assertEquals(403, post("/api/cities/" + a + "/measures", "constable.plzen", "{}").status());
        assertEquals(401, post("/api/cities/" + a + "/public-meetings", null, "{}").status());
        assertEquals(401, get("/api/cities/" + a + "/public-meetings/" + meeting + "/registrations", null).status());
        assertEquals(204, delete(bodies(a) + "/" + id, ADMIN).status());
        assertProblem(get(bodies(a) + "/" + id, null), 404, null);
    }

    @Test
    void badInputIs4xxProblemNeverA5xx() {
        String city = city("Chyby");
        String ok = "{\"kind\":\"narrow-group\",\"name\":\"Užší\",\"scope\":\"city\",\"series\":{\"rrule\":"
                + "\"FREQ=WEEKLY;INTERVAL=2\",\"start\":\"2027-03-04T17:00\"}}";
        assertProblem(post(bodies(city), ADMIN, ok.replace("FREQ=WEEKLY;INTERVAL=2", "FREQ=FORTNIGHTLY")), 400,
                "rrule");
        assertProblem(post(bodies(city), ADMIN, ok.replace("FREQ=WEEKLY;INTERVAL=2", "INTERVAL=2")), 400, "rrule");
        assertProblem(post(bodies(city), ADMIN, ok.replace("FREQ=WEEKLY;INTERVAL=2", "FREQ=HOURLY")), 400, "rrule");
        assertProblem(post(bodies(city), ADMIN, ok.replace("FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY;BYDAY=1MO")), 400,
                "rrule");
        assertProblem(post(bodies(city), ADMIN, ok.replace("FREQ=WEEKLY;INTERVAL=2", "FREQ=DAILY")), 422, "rrule");
        assertProblem(post(bodies(city), ADMIN, ok.replace("FREQ=WEEKLY;INTERVAL=2", "FREQ=WEEKLY;COUNT=5000")), 422,
                "rrule");
        assertProblem(post(bodies(city), ADMIN, ok.replace("2027-03-04T17:00", "2027-03-04 17h")), 400, "start");
        assertProblem(post(bodies(city), ADMIN, ok.replace("narrow-group", "club")), 400, "kind");
        assertProblem(post(bodies(city), ADMIN, ok.replace("\"city\"", "\"district\"")), 400, "scopeCode");
        assertProblem(post(bodies(city), ADMIN, ok.replace("Užší", "x".repeat(201))), 400, "name");
        assertProblem(post(bodies(city), ADMIN, "[1,2]"), 400, "body");
        assertProblem(post(bodies(city), ADMIN, "{nope"), 400, "body");
        assertProblem(get(bodies(city) + "/999999999/occurrences", null), 404, null);
        Reply created = post(bodies(city), ADMIN, ok);
        assertEquals(201, created.status(), created.toString());
        long id = created.json().getJsonNumber("id").longValue();
        String occurrences = bodies(city) + "/" + id + "/occurrences";
        assertProblem(get(occurrences + "?from=2027-05-01&to=2027-04-01", null), 400, "to");
        assertProblem(get(occurrences + "?from=yesterday", null), 400, "from");
        assertProblem(get(occurrences + "?from=2027-01-01&to=2030-01-01", null), 400, "to");
        String meeting = "{\"title\":\"Setkání\",\"place\":\"Škola\",\"start\":\"2027-04-01T18:00\","
                + "\"end\":\"2027-04-01T17:00\",\"capacity\":20}";
        assertProblem(post("/api/cities/" + city + "/public-meetings", ADMIN, meeting), 400, "end");
        assertProblem(post("/api/cities/" + city + "/public-meetings", ADMIN, meeting.replace("\"end\":"
                + "\"2027-04-01T17:00\"", "\"end\":\"2027-04-01T20:00\",\"bodyId\":987654321")), 404, null);
        assertProblem(post("/api/cities/" + city + "/measures", ADMIN, "{\"title\":\"x\",\"owner\":\"y\","
                + "\"deadline\":\"2027-01-01\",\"bodyId\":987654321}"), 404, null);
        assertProblem(post("/api/cities/" + city + "/measures", ADMIN, "{\"title\":\"x\",\"owner\":\"y\"}"), 400,
                "deadline");
        assertProblem(post("/api/cities/" + city + "/event-plans", ADMIN, "{\"title\":\"Slavnosti\","
                + "\"organiser\":\"Město\",\"place\":\"Náměstí\",\"start\":\"2027-06-12T14:00\",\"end\":"
                + "\"2027-06-12T23:00\",\"expectedAttendance\":5000,\"riskLevel\":\"extreme\"}"), 400, "riskLevel");
        assertProblem(post("/api/cities/" + city + "/prevention-projects", ADMIN, "{\"name\":\"Senioři I.\","
                + "\"targetGroup\":\"pets\"}"), 400, "targetGroup");
    }

    @Test
    void eventPlansAndPreventionProjects() {
        String city = city("Plány");
        Reply plan = post("/api/cities/" + city + "/event-plans", ADMIN, "{\"title\":\"Hornické slavnosti\","
                + "\"organiser\":\"Město Sokolov\",\"place\":\"Staré náměstí\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[12.64,50.18]},\"districts\":[\"1\",\"2\"],\"start\":\"2027-06-12T14:00\","
                + "\"end\":\"2027-06-12T23:00\",\"expectedAttendance\":5000,\"riskLevel\":\"medium\","
                + "\"officers\":[{\"name\":\"Jan Novák\",\"unit\":\"OOP Sokolov\",\"role\":\"velitel\"}],"
                + "\"checklist\":[\"Uzavírky\",\"Zdravotníci\"]}");
        assertEquals(201, plan.status(), plan.toString());
        JsonObject p = plan.json();
        assertEquals("2027-06-12T14:00:00+02:00", p.getString("start"));
        assertEquals(2, p.getJsonArray("checklist").size());
        int check = p.getJsonArray("checklist").getJsonObject(0).getInt("id");
        JsonObject ticked = put("/api/cities/" + city + "/event-plans/" + p.getInt("id") + "/checklist/" + check,
                ADMIN, "{\"done\":true}").json();
        JsonObject item = ticked.getJsonArray("checklist").getJsonObject(0);
        assertTrue(item.getBoolean("done"));
        assertEquals("Demo Platform Admin", item.getString("doneBy"));
        assertProblem(post("/api/cities/" + city + "/event-plans", ADMIN, p.toString().replace("\"Point\"",
                "\"LineString\"")), 400, "geometry");

        Reply project = post("/api/cities/" + city + "/prevention-projects", ADMIN, "{\"name\":\"Senioři I.\","
                + "\"targetGroup\":\"seniors\"}");
        assertEquals(201, project.status(), project.toString());
        int pid = project.json().getInt("id");
        assertEquals(201, post("/api/cities/" + city + "/prevention-projects/" + pid + "/activities", ADMIN,
                "{\"title\":\"Beseda v klubu\",\"startsOn\":\"2027-03-01\",\"districts\":[\"3\"],"
                        + "\"participants\":40}").status());
        assertProblem(post("/api/cities/" + city + "/prevention-projects/" + pid + "/activities", ADMIN,
                "{\"title\":\"x\",\"startsOn\":\"2027-03-02\",\"endsOn\":\"2027-03-01\"}"), 400, "endsOn");
        assertEquals(1, get("/api/cities/" + city + "/prevention-projects?district=3", null).array().size());
        assertEquals(0, get("/api/cities/" + city + "/prevention-projects?district=4", null).array().size());
        assertEquals(40, get("/api/cities/" + city + "/prevention-projects?targetGroup=seniors", null).array()
                .getJsonObject(0).getInt("participants"));
    }
}
