package cz.safecity.system.stats;

import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.SystemTestSupport.post;
import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.stats.StatsFixture.ADMIN;
import static cz.safecity.system.stats.StatsFixture.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feeling-of-safety surveys over HTTP: window in the city's zone (DST), the test clock, invitation tokens, the
 * open survey's rate limit, risk places marked in an answer, results with sample size and 95 % interval, the
 * fear-vs-crime gap with its flags, and the coordinators' comparison (JSON, CSV, 403 for city roles).
 */
class SurveysIT {

    static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
    static String city;

    @BeforeAll
    static void cityWithCrime() {
        city = StatsFixture.cityWithDistricts("Stats surveys IT");
        Reply r = StatsFixture.csv(city, "format=cz-police", ADMIN, CrimeImportIT.CZ);
        assertEquals(200, r.status(), r.toString());
        StatsFixture.statsSettings(city, "{\"surveyMinAnswers\":2,\"surveyAnswersPerClientHour\":3}");
    }

    @AfterEach
    void resetClock() {
        put("/api/cities/" + city + "/test-clock", ADMIN, "{\"offset\":\"PT0S\"}");
    }

    static JsonObject survey(String access, String opens, String closes, String periodFrom, String periodTo) {
        Reply r = post("/api/cities/" + city + "/surveys", ADMIN, """
                {"title":"Pocit bezpečí","periodFrom":"%s","periodTo":"%s","opensAt":"%s","closesAt":"%s",
                 "access":"%s","questions":[{"key":"tram-stop","text":"How safe is the tram stop?",
                 "districts":["A1"]}]}""".formatted(periodFrom, periodTo, opens, closes, access));
        assertEquals(201, r.status(), r.toString());
        return r.json();
    }

    static String local(Instant i) {
        return LocalDateTime.ofInstant(i, PRAGUE).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    static JsonObject openNow(String access) {
        Instant now = Instant.now();
        return survey(access, local(now.minus(Duration.ofHours(1))), local(now.plus(Duration.ofDays(2))), "2024-03",
                "2024-03");
    }

    static Reply answer(long survey, String json) {
        return post("/api/cities/" + city + "/surveys/" + survey + "/responses", null, json);
    }

    @Test
    void aLocal2300DeadlineClosesAt2300LocalTimeAcrossDst() {
        JsonObject winter = survey("open", "2026-12-01T00:00", "2026-12-20T23:00", "2026-12", "2026-12");
        assertEquals("2026-12-20T22:00:00Z", winter.getString("closesAtUtc"));
        JsonObject summer = survey("open", "2027-03-01T00:00", "2027-03-28T23:00", "2027-03", "2027-03");
        assertEquals("2027-03-28T21:00:00Z", summer.getString("closesAtUtc"), "CEST from 28 March 2027");
        assertEquals("2027-03-01T00:00:00", summer.getString("opensAt").substring(0, 19));
        assertProblem(post("/api/cities/" + city + "/surveys", ADMIN, "{\"title\":\"x\",\"periodFrom\":\"2026-12\","
                + "\"periodTo\":\"2026-12\",\"opensAt\":\"2026-12-02T00:00\",\"closesAt\":\"2026-12-01T00:00\"}"),
                400, "invalid-input");
    }

    @Test
    void theTestClockClosesTheWindow() {
        JsonObject s = openNow("open");
        long id = s.getJsonNumber("id").longValue();
        Instant closes = Instant.parse(s.getString("closesAtUtc"));
        long untilClose = Duration.between(Instant.now(), closes).getSeconds();
        put("/api/cities/" + city + "/test-clock", ADMIN, "{\"offset\":\"PT" + (untilClose - 120) + "S\"}");
        assertEquals("open", get("/api/cities/" + city + "/surveys/" + id, null).json().getString("status"));
        put("/api/cities/" + city + "/test-clock", ADMIN, "{\"offset\":\"PT" + (untilClose + 60) + "S\"}");
        assertEquals("closed", get("/api/cities/" + city + "/surveys/" + id, null).json().getString("status"));
        assertProblem(answer(id, "{\"district\":\"A1\",\"safety\":2}"), 409, "survey-closed");
    }

    @Test
    void oneAnswerPerInvitationToken() {
        long id = openNow("invitation").getJsonNumber("id").longValue();
        Reply tokens = post("/api/cities/" + city + "/surveys/" + id + "/invitations", ADMIN, "{\"count\":2}");
        assertEquals(200, tokens.status(), tokens.toString());
        String token = tokens.json().getJsonArray("tokens").getString(0);
        assertProblem(answer(id, "{\"district\":\"A1\",\"safety\":2}"), 403, "invitation-required");
        assertEquals(201, answer(id, "{\"token\":\"" + token + "\",\"district\":\"A1\",\"safety\":2}").status());
        assertProblem(answer(id, "{\"token\":\"" + token + "\",\"district\":\"A1\",\"safety\":2}"), 403,
                "invitation-used");
        assertProblem(post("/api/cities/" + city + "/surveys/" + id + "/invitations", "city-admin.praha",
                "{\"count\":2}"), 403, "forbidden");
    }

    @Test
    void anOpenSurveyIsRateLimitedPerClientAndMarksRiskPlaces() {
        long id = openNow("open").getJsonNumber("id").longValue();
        Reply marked = answer(id, """
                {"lat":50.085,"lon":14.405,"safety":4,"answers":{"tram-stop":4},
                 "riskPlaces":[{"lat":50.0855,"lon":14.4055,"description":"Dark underpass <b>"}]}""");
        assertEquals(201, marked.status(), marked.toString());
        assertEquals("A1", marked.json().getString("district"));
        long place = marked.json().getJsonArray("riskPlaces").getJsonNumber(0).longValue();
        JsonObject rp = get("/api/cities/" + city + "/risk-places/" + place, null).json();
        assertEquals("survey", rp.getString("source"), rp.toString());
        assertEquals("Dark underpass <b>", rp.getString("description"));
        assertProblem(answer(id, "{\"district\":\"B1\",\"safety\":1,\"answers\":{\"tram-stop\":2}}"), 400,
                "invalid-input");
        assertProblem(answer(id, "{\"district\":\"A1\",\"safety\":5}"), 400, "invalid-input");
        assertProblem(answer(id, "{\"district\":\"A1\",\"safety\":1,\"riskPlaces\":[{\"lat\":49.0,\"lon\":13.0,"
                + "\"description\":\"far away\"}]}"), 422, "risk-place-refused");
        assertEquals(201, answer(id, "{\"district\":\"B1\",\"safety\":1}").status());
        assertEquals(201, answer(id, "{\"district\":\"B1\",\"safety\":2}").status());
        assertProblem(answer(id, "{\"district\":\"B1\",\"safety\":2}"), 429, "too-many-answers");
    }

    @Test
    void resultsPerDistrictWithSampleSizeAndInterval() {
        long id = openNow("open").getJsonNumber("id").longValue();
        Reply paper = post("/api/cities/" + city + "/surveys/" + id + "/paper-responses", ADMIN, """
                [{"district":"A1","safety":4,"answers":{"tram-stop":3}},{"district":"A1","safety":3},
                 {"district":"A1","safety":1},{"district":"B2","safety":1}]""");
        assertEquals(200, paper.status(), paper.toString());
        JsonObject results = get("/api/cities/" + city + "/surveys/" + id + "/results", null).json();
        Map<String, JsonObject> byDistrict = new HashMap<>();
        for (JsonValue v : results.getJsonArray("districts")) {
            byDistrict.put(v.asJsonObject().getString("district"), v.asJsonObject());
        }
        assertEquals(List.of("A1", "A2", "B1", "B2"), byDistrict.keySet().stream().sorted().toList());
        JsonObject a1 = byDistrict.get("A1");
        assertEquals(3, a1.getInt("answers"));
        assertEquals(66.7, a1.getJsonNumber("unsafe").doubleValue(), 1e-9);
        assertEquals(20.8, a1.getJsonArray("unsafeCi95").getJsonNumber(0).doubleValue(), 0.1, "Wilson 2/3");
        assertEquals(93.9, a1.getJsonArray("unsafeCi95").getJsonNumber(1).doubleValue(), 0.1);
        assertFalse(a1.getBoolean("tooFew"));
        assertTrue(byDistrict.get("A2").getBoolean("tooFew"), "no answers: shown, marked");
        assertEquals(0, byDistrict.get("A2").getInt("answers"));
        assertTrue(byDistrict.get("B2").getBoolean("tooFew"), "1 answer < 2");
        assertEquals(4, results.getJsonObject("city").getInt("answers"));
    }

    @Test
    void theGapFlagsHighFearLowCrimeAndTheReverse() {
        // crime in 2024-03: A1 1, A2 1, B2 1, B1 0 → crime ranks A1, A2, B2, B1
        String slug = city;
        JsonObject s = survey("open", "2024-03-01T00:00", "2024-03-31T23:00", "2024-03", "2024-03");
        long id = s.getJsonNumber("id").longValue();
        StringBuilder answers = new StringBuilder("[");
        Map<String, int[]> fear = Map.of("B1", new int[] {4, 4}, "A1", new int[] {3, 2}, "A2", new int[] {2, 1},
                "B2", new int[] {1, 1});
        fear.forEach((d, v) -> {
            for (int x : v) {
                answers.append(answers.length() > 1 ? "," : "").append("{\"district\":\"").append(d)
                        .append("\",\"safety\":").append(x).append('}');
            }
        });
        Reply paper = post("/api/cities/" + slug + "/surveys/" + id + "/paper-responses", ADMIN,
                answers.append(']').toString());
        assertEquals(200, paper.status(), paper.toString());
        String gapSlug = StatsFixture.cityWithDistricts("Stats gap IT");
        // a clean city: the same crimes, only this survey
        assertEquals(200, StatsFixture.csv(gapSlug, "format=cz-police", ADMIN, CrimeImportIT.CZ).status());
        StatsFixture.statsSettings(gapSlug, "{\"surveyMinAnswers\":2}");
        long gid = 0;
        Reply gs = post("/api/cities/" + gapSlug + "/surveys", ADMIN, "{\"title\":\"Gap\",\"periodFrom\":\"2024-03\","
                + "\"periodTo\":\"2024-03\",\"opensAt\":\"2024-03-01T00:00\",\"closesAt\":\"2024-03-31T23:00\"}");
        gid = gs.json().getJsonNumber("id").longValue();
        assertEquals(200, post("/api/cities/" + gapSlug + "/surveys/" + gid + "/paper-responses", ADMIN,
                answers.toString()).status());
        JsonObject gap = get("/api/cities/" + gapSlug + "/stats/gap?from=2024-03&to=2024-03", null).json();
        Map<String, JsonObject> lines = new HashMap<>();
        gap.getJsonArray("lines").forEach(v -> lines.put(v.asJsonObject().getString("district"), v.asJsonObject()));
        assertEquals("high-fear-low-crime", lines.get("B1").getString("flag"), gap.toString());
        assertEquals("low-fear-high-crime", lines.get("A2").getString("flag"), gap.toString());
        assertTrue(!lines.get("A1").containsKey("flag") || lines.get("A1").isNull("flag"), gap.toString());
        assertEquals(1, lines.get("B1").getInt("fearRank"));
        assertEquals(4, lines.get("B1").getInt("crimeRank"));
    }

    @Test
    void coordinatorsCompareCitiesInJsonAndCsv() {
        Reply json = get("/api/stats/comparison?from=2024-03&to=2024-04&modules=false", "coordinator");
        assertEquals(200, json.status(), json.toString());
        JsonObject row = json.json().getJsonArray("cities").stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("city").equals(city)).findFirst().orElseThrow();
        assertEquals(7, row.getInt("offences"));
        assertEquals(7.0, row.getJsonNumber("offencesPer1000").doubleValue(), 1e-9);
        assertEquals(3.0, row.getJsonObject("per1000ByCategory").getJsonNumber("theft").doubleValue(), 1e-9);
        assertEquals(40.0, row.getJsonNumber("clearanceRate").doubleValue(), 1e-9);
        assertFalse(json.body().contains("\"lat\""), "aggregates only");
        Reply csv = cz.safecity.system.SystemTestSupport.send("GET", "/api/stats/comparison?from=2024-03&to=2024-04",
                "platform-admin", null, null);
        assertEquals(200, csv.status());
        Reply asCsv = StatsFixture.sendBytes(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                cz.safecity.system.SystemTestSupport.BASE + "/api/stats/comparison?from=2024-03&to=2024-04"))
                .header("Accept", "text/csv").GET(), "coordinator");
        assertEquals(200, asCsv.status(), asCsv.toString());
        assertTrue(asCsv.body().startsWith("city,name,population,offences,offences_per_1000"), asCsv.body());
        assertTrue(asCsv.body().contains(city + ",Stats surveys IT,1000,7,7.0,"), asCsv.body());
        assertProblem(get("/api/stats/comparison?from=2024-03&to=2024-04", "city-admin.praha"), 403, "forbidden");
        assertProblem(get("/api/stats/comparison?from=2024-03&to=2024-04", null), 401, null);
        assertNull(null);
    }
}
