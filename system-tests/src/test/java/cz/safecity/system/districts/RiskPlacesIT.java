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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Risk places over HTTP: staff edits with audit, validation, roles per city, tenant isolation. */
class RiskPlacesIT {

    static final String POINT = "{\"district\":\"A1\","
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[14.405,50.085]},"
            + "\"kind\":\"feels-unsafe\",\"description\":\"Neosvětlený podchod <u nádraží> & \\\"tma\\\"\","
            + "\"source\":\"survey\",\"reportedOn\":\"2026-10-01\"}";
    /** ≈ 0.003° × 0.003° ≈ 0.08 km², valid. */
    static final String POLYGON = "{\"district\":\"A1\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[14.401,50.081],[14.404,50.081],[14.404,50.084],[14.401,50.084],[14.401,50.081]]]},"
            + "\"kind\":\"many-offences\",\"description\":\"Park: kapesní krádeže\",\"source\":\"police\"}";

    /** The {@code sub} (Keycloak user id = person id) of an access token. */
    static String subject(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return jakarta.json.Json.createReader(new java.io.StringReader(payload)).readObject().getString("sub");
    }

    static String base(String city) {
        return "/api/cities/" + city + "/risk-places";
    }

    @Test
    void staffRecordUpdateAndListWithAudit() {
        String city = cityWithDistricts("Rizikov");
        Reply point = post(base(city), ADMIN, POINT);
        assertEquals(201, point.status(), point.toString());
        JsonObject p = point.json();
        assertEquals("Neosvětlený podchod <u nádraží> & \"tma\"", p.getString("description"), "stored raw");
        assertEquals("Point", p.getJsonObject("geometry").getString("type"));
        assertEquals("open", p.getString("status"));
        assertEquals("2026-10-01", p.getString("reportedOn"));
        assertEquals("Demo Platform Admin", p.getString("createdBy"));
        Reply polygon = post(base(city), ADMIN, POLYGON);
        assertEquals(201, polygon.status(), polygon.toString());
        double area = polygon.json().getJsonNumber("areaM2").doubleValue();
        assertTrue(area > 70_000 && area < 80_000, "≈ 0.075 km²: " + area);

        JsonArray district = get("/api/cities/" + city + "/districts/A1/risk-places", null).array();
        assertEquals(2, district.size(), district.toString());
        assertEquals(0, get("/api/cities/" + city + "/districts/B2/risk-places", null).array().size());

        // measures taken, then resolved (resolvedOn defaults to today in the city's zone)
        int id = p.getInt("id");
        Reply measures = put(base(city) + "/" + id, ADMIN, POINT.replace("\"source\"", "\"status\":\"measures-taken\","
                + "\"source\""));
        assertEquals(200, measures.status(), measures.toString());
        Reply resolved = put(base(city) + "/" + id, ADMIN, POINT.replace("\"source\"", "\"status\":\"resolved\","
                + "\"source\""));
        assertEquals(200, resolved.status(), resolved.toString());
        assertEquals(LocalDate.now(ZoneId.of("Europe/Prague")).toString(), resolved.json().getString("resolvedOn"));
        assertEquals(List.of(id), get(base(city) + "?status=resolved", null).array().stream()
                .map(v -> v.asJsonObject().getInt("id")).toList());
        assertEquals(1, get("/api/cities/" + city + "/districts/A1/risk-places?status=open", null).array().size());
        assertEquals(2, get(base(city), null).array().size());
        assertProblem(get(base(city) + "?status=closed", null), 400, "status");

        JsonArray audit = get("/api/cities/" + city + "/audit?limit=20", ADMIN).array();
        List<String> actions = audit.stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertEquals(2, actions.stream().filter("districts.risk-place.created"::equals).count(), actions.toString());
        assertEquals(2, actions.stream().filter("districts.risk-place.updated"::equals).count(), actions.toString());

        assertEquals(204, delete(base(city) + "/" + polygon.json().getInt("id"), ADMIN).status());
        assertEquals(1, get(base(city), null).array().size());
        assertTrue(get("/api/cities/" + city + "/audit?limit=1", ADMIN).body()
                .contains("districts.risk-place.deleted"));
    }

    @Test
    void geometryAndFieldsAreValidated() {
        String city = cityWithDistricts("Geometrie");
        String bowtie = POLYGON.replace("[[[14.401,50.081],[14.404,50.081],[14.404,50.084],[14.401,50.084],"
                + "[14.401,50.081]]]", "[[[14.401,50.081],[14.404,50.084],[14.404,50.081],[14.401,50.084],"
                + "[14.401,50.081]]]");
        Reply selfIntersecting = post(base(city), ADMIN, bowtie);
        assertProblem(selfIntersecting, 400, "geometry");
        assertTrue(selfIntersecting.json().getString("detail").contains("Self-intersection"), selfIntersecting.body());
        // 0.04° × 0.04° ≈ 2.9 km × 4.4 km ≈ 12.7 km² > 5 km²
        String huge = POLYGON.replace("[[[14.401,50.081],[14.404,50.081],[14.404,50.084],[14.401,50.084],"
                + "[14.401,50.081]]]", "[[[14.40,50.08],[14.44,50.08],[14.44,50.12],[14.40,50.12],[14.40,50.08]]]");
        assertProblem(post(base(city), ADMIN, huge), 400, "geometry");
        assertProblem(post(base(city), ADMIN, POINT.replace("\"Point\"", "\"LineString\"")), 400, "geometry");
        assertProblem(post(base(city), ADMIN, POINT.replace("[14.405,50.085]", "[50.085,114.405]")), 400, "geometry");
        assertProblem(post(base(city), ADMIN, POINT.replace("feels-unsafe", "scary")), 400, "kind");
        assertProblem(post(base(city), ADMIN, POINT.replace("survey", "rumour")), 400, "source");
        assertProblem(post(base(city), ADMIN, POINT.replace("\"source\"", "\"status\":\"closed\",\"source\"")), 400,
                "status");
        assertProblem(post(base(city), ADMIN, POINT.replace("2026-10-01", "2099-01-01")), 400, "reportedOn");
        assertProblem(post(base(city), ADMIN, POINT.replace("\"source\"", "\"resolvedOn\":\"2026-10-02\",\"source\"")),
                400, "resolvedOn");
        String longText = POINT.replace("Neosvětlený podchod <u nádraží> & \\\"tma\\\"", "x".repeat(4001));
        assertProblem(post(base(city), ADMIN, longText), 400, "description");
        assertEquals(201, post(base(city), ADMIN, longText.replace("x".repeat(4001), "x".repeat(4000))).status(),
                "the limit itself is accepted");
        assertProblem(post(base(city), ADMIN, POINT.replace("\"A1\"", "\"ZZ9\"")), 404, null);
        assertProblem(get("/api/cities/" + city + "/districts/ZZ9/risk-places", null), 404, null);
        assertProblem(post(base(city), ADMIN, "{not json"), 400, null);
    }

    @Test
    void onlyTheCitysStaffEdit() {
        String city = cityWithDistricts("Role");
        int id = post(base(city), ADMIN, POINT).json().getInt("id");
        assertProblem(post(base(city), null, POINT), 401, null);
        assertProblem(put(base(city) + "/" + id, null, POINT), 401, null);
        assertProblem(delete(base(city) + "/" + id, null), 401, null);
        // a constable (and every other role) of another city is refused here
        for (String user : List.of("constable.plzen", "police-officer.plzen", "councillor.sokolov",
                "city-admin.praha")) {
            assertProblem(post(base(city), user, POINT), 403, null);
            assertProblem(put(base(city) + "/" + id, user, POINT), 403, null);
        }
        assertProblem(delete(base(city) + "/" + id, "constable.plzen"), 403, null);
        assertEquals(1, get(base(city), null).array().size(), "nothing changed");
    }

    @Test
    void aConstableEditsInTheirOwnCity() {
        // needs the demo data (districts of Plzeň); the risk place is removed again by Plzeň's city-admin
        Reply list = get("/api/cities/plzen/districts", null);
        assumeTrue(list.status() == 200 && list.json().getJsonArray("districts").size() > 0,
                "Plzeň has no districts (demo data not loaded)");
        String code = list.json().getJsonArray("districts").getJsonObject(0).getString("code");
        String body = POINT.replace("\"A1\"", "\"" + code + "\"").replace("[14.405,50.085]", "[13.3776,49.7475]")
                .replace("survey", "working-group");
        Reply created = post(base("plzen"), "constable.plzen", body);
        assertEquals(201, created.status(), created.toString());
        int id = created.json().getInt("id");
        try {
            assertEquals("constable.plzen", get("/api/cities/plzen/me", "constable.plzen").json()
                    .getString("username"));
            Reply updated = put(base("plzen") + "/" + id, "councillor.plzen", body.replace("\"source\"",
                    "\"status\":\"measures-taken\",\"source\""));
            assertEquals(200, updated.status(), updated.toString());
            assertFalse(updated.json().getString("updatedBy").equals(updated.json().getString("createdBy")));
            assertProblem(delete(base("plzen") + "/" + id, "constable.plzen"), 403, null);
        } finally {
            assertEquals(204, delete(base("plzen") + "/" + id, "city-admin.plzen").status());
        }
    }

    @Test
    void anotherCitysRiskPlacesAnswer404AndNeverAppearInLists() {
        String a = cityWithDistricts("Rizika A");
        String b = cityWithDistricts("Rizika B");
        int id = post(base(a), ADMIN, POINT).json().getInt("id");
        assertProblem(get(base(b) + "/" + id, null), 404, null);
        assertProblem(put(base(b) + "/" + id, ADMIN, POINT), 404, null);
        assertProblem(delete(base(b) + "/" + id, ADMIN), 404, null);
        assertEquals(0, get(base(b), null).array().size());
        assertEquals(0, get("/api/cities/" + b + "/districts/A1/risk-places", null).array().size());
        assertEquals(200, get(base(a) + "/" + id, null).status());
        // public answers never carry person ids
        String personId = subject(cz.safecity.system.SystemTestSupport.token(ADMIN));
        assertFalse(get(base(a), null).body().contains(personId), "person id in a public answer");
    }
}
