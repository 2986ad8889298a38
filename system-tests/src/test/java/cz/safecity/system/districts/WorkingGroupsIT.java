package cz.safecity.system.districts;

import static cz.safecity.system.SystemTestSupport.delete;
import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.SystemTestSupport.post;
import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.districts.PeopleAndPlacesFixture.ADMIN;
import static cz.safecity.system.districts.PeopleAndPlacesFixture.assertProblem;
import static cz.safecity.system.districts.PeopleAndPlacesFixture.cityWithDistricts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Working groups, vCards, police stations/info boxes, recommendations and the district card over HTTP with real
 * tokens, each test in its own random city.
 */
class WorkingGroupsIT {

    static final String NOVAK = "{\"from\":\"2026-01-01\",\"username\":\"jan.novak.login\","
            + "\"personId\":\"0f5e3c4a-1111-4222-8333-944445555666\",\"displayName\":\"Jan Novák (demo)\","
            + "\"title\":\"nprap.\",\"photoUrl\":\"https://example.cz/foto/novak.jpg\",\"phone\":\"+420 999 100 101\","
            + "\"email\":\"jan.novak@demo.safecity.cz\",\"officeHours\":\"Po 14–17 h, služebna Jižní 12\","
            + "\"demo\":true}";
    static final String SVOBODA = "{\"from\":\"2026-06-01\",\"username\":\"petr.svoboda.login\","
            + "\"displayName\":\"Petr Svoboda (demo)\",\"demo\":true}";

    static String wg(String city, String code) {
        return "/api/cities/" + city + "/districts/" + code + "/working-group";
    }

    static JsonObject memberOf(JsonObject group, String role) {
        return group.getJsonArray("members").stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("role").equals(role)).findFirst().orElse(null);
    }

    @Test
    void assignmentEndsThePredecessorAndAtAnswersBothSidesOfTheChange() {
        String city = cityWithDistricts("WG history");
        Reply first = post(wg(city, "A1") + "/constable", ADMIN, NOVAK);
        assertEquals(201, first.status(), first.toString());
        assertEquals("2026-01-01", first.json().getString("from"));
        Reply second = post(wg(city, "A1") + "/constable", ADMIN, SVOBODA);
        assertEquals(201, second.status(), second.toString());

        JsonObject before = get(wg(city, "A1") + "?at=2026-05-31", null).json();
        assertEquals("Jan Novák (demo)", memberOf(before, "constable").getString("displayName"));
        assertEquals("2026-05-31", memberOf(before, "constable").getString("to"));
        assertEquals(List.of("police-officer", "councillor"), before.getJsonArray("vacant").getValuesAs(
                jakarta.json.JsonString::getString));
        JsonObject after = get(wg(city, "A1") + "?at=2026-06-01", null).json();
        assertEquals("Petr Svoboda (demo)", memberOf(after, "constable").getString("displayName"));
        JsonObject none = get(wg(city, "A1") + "?at=2025-12-31", null).json();
        assertEquals(0, none.getJsonArray("members").size());
        assertEquals(0, get(wg(city, "B2"), null).json().getJsonArray("members").size(), "other district untouched");

        JsonArray history = get(wg(city, "A1") + "/history", null).array();
        assertEquals(2, history.size(), history.toString());
        assertEquals("Petr Svoboda (demo)", history.getJsonObject(0).getString("displayName"));
        assertEquals("2026-05-31", history.getJsonObject(1).getString("to"));

        // the same person again: nothing changes; history is never rewritten backwards
        assertEquals(200, post(wg(city, "A1") + "/constable", ADMIN, SVOBODA).status());
        assertProblem(post(wg(city, "A1") + "/constable", ADMIN,
                NOVAK.replace("2026-01-01", "2026-03-01")), 409, "from");
        assertEquals(2, get(wg(city, "A1") + "/history", null).array().size());

        // ending without a successor: POST …/end with a last day, then DELETE answers 409 (already ended)
        Reply ended = post(wg(city, "A1") + "/constable/end", ADMIN, "{\"to\":\"2026-12-31\"}");
        assertEquals(200, ended.status(), ended.toString());
        assertEquals("2026-12-31", ended.json().getString("to"));
        assertEquals("Petr Svoboda (demo)", memberOf(get(wg(city, "A1") + "?at=2026-12-31", null).json(),
                "constable").getString("displayName"));
        assertEquals(null, memberOf(get(wg(city, "A1") + "?at=2027-01-01", null).json(), "constable"));
        assertProblem(delete(wg(city, "A1") + "/constable?to=2027-02-01", ADMIN), 409, null);
        // DELETE ends the councillor's seat as of yesterday (vacant today)
        assertEquals(201, post(wg(city, "A1") + "/councillor", ADMIN, NOVAK).status());
        Reply deleted = delete(wg(city, "A1") + "/councillor", ADMIN);
        assertEquals(200, deleted.status(), deleted.toString());
        assertTrue(get(wg(city, "A1"), null).json().getJsonArray("vacant").toString().contains("councillor"));
        assertProblem(delete(wg(city, "A1") + "/police-officer", ADMIN), 404, null);

        // every change is audited (the unchanged re-assignment is no change)
        JsonArray audit = get("/api/cities/" + city + "/audit?limit=20", ADMIN).array();
        List<String> actions = audit.stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(3, actions.stream().filter("districts.member.assigned"::equals).count(), actions.toString());
        assertEquals(2, actions.stream().filter("districts.member.ended"::equals).count(), actions.toString());
    }

    @Test
    void vcardOfAMember() {
        String city = cityWithDistricts("Vizitkov");
        assertEquals(201, post(wg(city, "A1") + "/police-officer", ADMIN, NOVAK).status());
        Reply card = get(wg(city, "A1") + "/police-officer.vcf", null);
        assertEquals(200, card.status(), card.toString());
        assertTrue(card.contentType().startsWith("text/vcard"), card.contentType());
        String text = card.body().replace("\r\n ", "");
        assertTrue(text.startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n"), text);
        assertTrue(text.contains("\r\nFN:Jan Novák (demo)\r\n"), text);
        assertTrue(text.contains("\r\nN:Novák;Jan;;;\r\n"), text);
        assertTrue(text.contains("\r\nTITLE:nprap.\r\n"), text);
        assertTrue(text.contains("\r\nORG:Policie ČR;Vizitkov\r\n"), text);
        assertTrue(text.contains("+420 999 100 101"), text);
        assertTrue(text.contains("EMAIL;TYPE=work:jan.novak@demo.safecity.cz"), text);
        assertTrue(text.contains("PHOTO;MEDIATYPE=image/jpeg:https://example.cz/foto/novak.jpg"), text);
        assertTrue(text.contains("NOTE:Po 14–17 h\\, služebna Jižní 12"), text);
        assertTrue(text.endsWith("END:VCARD\r\n"), text);
        assertFalse(text.contains("jan.novak.login") || text.contains("0f5e3c4a"), "private fields leak: " + text);
        // the member's JSON links the vCard
        JsonObject member = get(wg(city, "A1") + "/police-officer", null).json();
        assertEquals("/api/cities/" + city + "/districts/A1/working-group/police-officer.vcf",
                member.getString("vcard"));
        // constable and councillor: municipal institutions of the city
        assertEquals(201, post(wg(city, "A1") + "/constable", ADMIN, SVOBODA).status());
        assertTrue(get(wg(city, "A1") + "/constable.vcf", null).body().contains("ORG:Městská policie Vizitkov"));
        assertProblem(get(wg(city, "A1") + "/councillor.vcf", null), 404, null);
        assertProblem(get(wg(city, "A1") + "/police-officer.vcf?at=2025-06-01", null), 404, null);
        assertProblem(get(wg(city, "A1") + "/mayor.vcf", null), 400, "role");
        assertProblem(get(wg(city, "A1") + "/police-officer.vcf?at=yesterday", null), 400, "at");
    }

    @Test
    void publicAnswersHidePrivateFields() {
        String city = cityWithDistricts("Private");
        assertEquals(201, post(wg(city, "A1") + "/councillor", ADMIN, NOVAK).status());
        for (String path : List.of(wg(city, "A1"), wg(city, "A1") + "/history", wg(city, "A1") + "/councillor",
                "/api/cities/" + city + "/districts/A1?geometry=false",
                "/api/cities/" + city + "/districts/locate?lon=14.405&lat=50.085&geometry=false")) {
            Reply r = get(path, null);
            assertEquals(200, r.status(), path + " " + r);
            assertTrue(r.body().contains("Jan Novák (demo)"), path + " " + r.body());
            assertFalse(r.body().contains("jan.novak.login"), "username leaks at " + path + ": " + r.body());
            assertFalse(r.body().contains("0f5e3c4a"), "personId leaks at " + path + ": " + r.body());
            assertFalse(r.body().contains("\"username\"") || r.body().contains("\"personId\""), r.body());
        }
        // the city-admin sees them
        Reply admin = get(wg(city, "A1") + "/assignments", ADMIN);
        assertEquals(200, admin.status(), admin.toString());
        JsonObject a = admin.array().getJsonObject(0);
        assertEquals("jan.novak.login", a.getString("username"));
        assertEquals("0f5e3c4a-1111-4222-8333-944445555666", a.getString("personId"));
        assertProblem(get(wg(city, "A1") + "/assignments", null), 401, null);
        assertProblem(get(wg(city, "A1") + "/assignments", "constable.plzen"), 403, null);
    }

    @Test
    void assignmentInputIsValidated() {
        String city = cityWithDistricts("Validation");
        String path = wg(city, "A1");
        assertProblem(post(path + "/mayor", ADMIN, NOVAK), 400, "role");
        assertProblem(post(path + "/constable", ADMIN, NOVAK.replace("jan.novak@demo.safecity.cz", "no-at-sign")),
                400, "email");
        assertProblem(post(path + "/constable", ADMIN, NOVAK.replace("https://example.cz/foto/novak.jpg",
                "javascript:alert(1)")), 400, "photoUrl");
        assertProblem(post(path + "/constable", ADMIN, NOVAK.replace("+420 999 100 101", "call me")), 400, "phone");
        assertProblem(post(path + "/constable", ADMIN, NOVAK.replace("Jan Novák (demo)", "x".repeat(201))), 400,
                "displayName");
        assertProblem(post(path + "/constable", ADMIN, NOVAK.replace("Po 14–17 h, služebna Jižní 12",
                "x".repeat(501))), 400, "officeHours");
        assertProblem(post(path + "/constable", ADMIN, NOVAK.replace("2026-01-01", "1. 1. 2026")), 400, "from");
        assertProblem(post(path + "/constable", ADMIN, "{\"displayName\":\"No Login\"}"), 400, "username");
        assertProblem(post(wg(city, "ZZ9") + "/constable", ADMIN, NOVAK), 404, null);
        assertProblem(get(wg(city, "ZZ9"), null), 404, null);
        assertProblem(post(path + "/constable", null, NOVAK), 401, null);
        assertProblem(post(path + "/constable", "city-admin.plzen", NOVAK), 403, null);
        assertProblem(post(path + "/constable", "constable.plzen", NOVAK), 403, null);
        // at the limits: accepted as sent, not truncated
        Reply ok = post(path + "/constable", ADMIN, NOVAK.replace("Jan Novák (demo)", "Ž".repeat(200)));
        assertEquals(201, ok.status(), ok.toString());
        assertEquals("Ž".repeat(200), ok.json().getString("displayName"));
        assertEquals(0, get(wg(city, "A1") + "/history", null).array().stream()
                .filter(v -> v.asJsonObject().getString("displayName").length() != 200).count());
    }

    @Test
    void stationsInfoBoxesAndRecommendationsFillTheDistrictCard() {
        String city = cityWithDistricts("Kartov");
        String base = "/api/cities/" + city;
        assertEquals(201, post(wg(city, "A1") + "/police-officer", ADMIN, NOVAK).status());
        Reply station = post(base + "/contact-points", ADMIN, "{\"district\":\"A1\",\"kind\":\"police-station-state\","
                + "\"name\":\"Obvodní oddělení Kartov\",\"address\":\"Jižní 12\",\"openingHours\":\"nonstop\","
                + "\"lon\":14.405,\"lat\":50.085}");
        assertEquals(201, station.status(), station.toString());
        assertTrue(station.raw().headers().firstValue("Location").orElse("")
                .endsWith("/contact-points/" + station.json().getInt("id")));
        assertEquals(201, post(base + "/contact-points", ADMIN, "{\"district\":\"A1\",\"kind\":\"info-box\","
                + "\"name\":\"Info-schránka U Radnice\",\"lon\":14.406,\"lat\":50.086}").status());
        assertEquals(201, post(base + "/contact-points", ADMIN, "{\"district\":\"B2\",\"kind\":\"info-box\","
                + "\"name\":\"Info-schránka B\",\"lon\":14.415,\"lat\":50.085}").status());
        assertEquals(201, post(base + "/recommendations", ADMIN,
                "{\"text\":\"Zamykejte kolo.\",\"title\":\"Kola\"}").status());
        assertEquals(201, post(base + "/recommendations", ADMIN,
                "{\"district\":\"A1\",\"text\":\"Podchod je v noci osvětlen.\"}").status());
        assertEquals(201, post(base + "/recommendations", ADMIN,
                "{\"locale\":\"en\",\"text\":\"Lock your bike.\"}").status());

        JsonObject card = get(base + "/districts/A1?geometry=false", null).json();
        JsonArray members = card.getJsonArray("workingGroup");
        assertEquals(1, members.size(), card.toString());
        assertEquals("police-officer", members.getJsonObject(0).getString("role"));
        assertEquals("Policie ČR", members.getJsonObject(0).getString("institution"));
        JsonArray stations = card.getJsonArray("stations");
        assertEquals(List.of("police-station-state", "info-box"), stations.stream()
                .map(v -> v.asJsonObject().getString("kind")).toList());
        JsonArray recs = card.getJsonArray("recommendations");
        assertEquals(List.of("Podchod je v noci osvětlen.", "Zamykejte kolo."), recs.stream()
                .map(v -> v.asJsonObject().getString("text")).toList(), "the district's own first, then city-wide");
        JsonObject english = get(base + "/districts/A1?geometry=false&lang=en", null).json();
        assertEquals(List.of("Lock your bike."), english.getJsonArray("recommendations").stream()
                .map(v -> v.asJsonObject().getString("text")).toList());
        JsonObject earlier = get(base + "/districts/A1?geometry=false&at=2025-06-01", null).json();
        assertEquals(0, earlier.getJsonArray("workingGroup").size(), "the card of a past day shows that day's group");

        // the same through the per-district lists
        assertEquals(2, get(base + "/districts/A1/contact-points", null).array().size());
        assertEquals(1, get(base + "/districts/B2/contact-points", null).array().size());
        assertEquals(2, get(base + "/districts/A1/recommendations", null).array().size());
        assertEquals(1, get(base + "/districts/B2/recommendations?lang=cs", null).array().size());
        assertEquals(1, get(base + "/districts/B2/recommendations?lang=en-GB", null).array().size());
        assertProblem(get(base + "/districts/B2/recommendations?lang=de", null), 400, "lang");
        assertProblem(get(base + "/districts/ZZ9/contact-points", null), 404, null);
    }

    @Test
    void contactPointsAndRecommendationsAreValidatedAndEditedByTheCityAdminOnly() {
        String city = cityWithDistricts("Mistov");
        String base = "/api/cities/" + city;
        String point = "{\"district\":\"A1\",\"kind\":\"info-box\",\"name\":\"Schránka\","
                + "\"lon\":14.405,\"lat\":50.085}";
        assertProblem(post(base + "/contact-points", ADMIN, point.replace("50.085", "95")), 400, "lat");
        assertProblem(post(base + "/contact-points", ADMIN, point.replace("14.405", "-190")), 400, "lon");
        assertProblem(post(base + "/contact-points", ADMIN, point.replace("info-box", "kiosk")), 400, "kind");
        assertProblem(post(base + "/contact-points", ADMIN, point.replace("\"A1\"", "\"ZZ9\"")), 404, null);
        assertProblem(post(base + "/contact-points", null, point), 401, null);
        assertProblem(post(base + "/contact-points", "constable.plzen", point), 403, null);
        Reply created = post(base + "/contact-points", ADMIN, point);
        assertEquals(201, created.status(), created.toString());
        int id = created.json().getInt("id");
        Reply changed = put(base + "/contact-points/" + id, ADMIN, point.replace("Schránka", "Schránka 2"));
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("Schránka 2", get(base + "/contact-points/" + id, null).json().getString("name"));
        assertEquals(204, delete(base + "/contact-points/" + id, ADMIN).status());
        assertProblem(get(base + "/contact-points/" + id, null), 404, null);

        assertProblem(post(base + "/recommendations", ADMIN, "{\"locale\":\"de\",\"text\":\"x\"}"), 400, "locale");
        assertProblem(post(base + "/recommendations", ADMIN, "{\"text\":\"" + "x".repeat(4001) + "\"}"), 400, "text");
        assertProblem(post(base + "/recommendations", ADMIN, "{\"district\":\"ZZ9\",\"text\":\"x\"}"), 404, null);
        Reply r1 = post(base + "/recommendations", ADMIN, "{\"text\":\"první\"}");
        Reply r2 = post(base + "/recommendations", ADMIN, "{\"text\":\"druhé\"}");
        Reply r0 = post(base + "/recommendations", ADMIN, "{\"text\":\"nulté\",\"position\":1}");
        assertEquals(List.of("nulté", "první", "druhé"), get(base + "/recommendations", null).array().stream()
                .map(v -> v.asJsonObject().getString("text")).toList(), "ordered by position");
        assertEquals(200, put(base + "/recommendations/" + r0.json().getInt("id"), ADMIN,
                "{\"text\":\"poslední\",\"position\":999}").status());
        assertEquals(List.of("první", "druhé", "poslední"), get(base + "/recommendations?lang=cs", null).array()
                .stream().map(v -> v.asJsonObject().getString("text")).toList());
        assertEquals(204, delete(base + "/recommendations/" + r1.json().getInt("id"), ADMIN).status());
        assertProblem(delete(base + "/recommendations/" + r2.json().getInt("id"), "councillor.plzen"), 403, null);
        assertProblem(get(base + "/recommendations?lang=xx-!!", null), 400, "lang");
    }

    @Test
    void anotherCitysStationsAndRecommendationsAnswer404AndNeverAppearInLists() {
        String a = cityWithDistricts("Isolation A");
        String b = cityWithDistricts("Isolation B");
        String point = "{\"district\":\"A1\",\"kind\":\"police-station-municipal\",\"name\":\"Služebna A\","
                + "\"lon\":14.405,\"lat\":50.085}";
        int station = post("/api/cities/" + a + "/contact-points", ADMIN, point).json().getInt("id");
        int rec = post("/api/cities/" + a + "/recommendations", ADMIN, "{\"district\":\"A1\",\"text\":\"Jen A\"}")
                .json().getInt("id");
        assertEquals(201, post(wg(a, "A1") + "/constable", ADMIN, NOVAK).status());

        assertProblem(get("/api/cities/" + b + "/contact-points/" + station, null), 404, null);
        assertProblem(put("/api/cities/" + b + "/contact-points/" + station, ADMIN, point), 404, null);
        assertProblem(delete("/api/cities/" + b + "/contact-points/" + station, ADMIN), 404, null);
        assertProblem(get("/api/cities/" + b + "/recommendations/" + rec, null), 404, null);
        assertProblem(put("/api/cities/" + b + "/recommendations/" + rec, ADMIN, "{\"text\":\"x\"}"), 404, null);
        assertProblem(delete("/api/cities/" + b + "/recommendations/" + rec, ADMIN), 404, null);
        assertFalse(get("/api/cities/" + b + "/contact-points", null).body().contains("Služebna A"));
        assertFalse(get("/api/cities/" + b + "/recommendations?scope=all", null).body().contains("Jen A"));
        assertFalse(get("/api/cities/" + b + "/districts/A1?geometry=false", null).body().contains("Jan Novák"));
        assertEquals(0, get(wg(b, "A1") + "/history", null).array().size());
        // and city A still has them
        assertEquals(200, get("/api/cities/" + a + "/contact-points/" + station, null).status());
        assertTrue(get("/api/cities/" + a + "/recommendations?scope=all", null).body().contains("Jen A"));
    }
}
