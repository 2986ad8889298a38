package cz.safecity.system.districts;

import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.SystemTestSupport.newCity;
import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.SystemTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The districts core over HTTP: hierarchy, outline, boundary import (validation, warnings, versions), locate
 * (shared edge, near boundary, outside, bad input), re-districting with {@code at=}, GeoJSON export, provisional
 * boundaries, the regional {@code /api/locate}, and tenant isolation. Every test works in random cities
 * ({@code platform-admin} acts as their city-admin); real Praha data from ../shared/data is used when present.
 */
class DistrictsIT {

    static final String ADMIN = "platform-admin";
    /** 10 m in degrees of longitude at 50.08° N (R = 6 371 008.8 m). */
    static final double TEN_METRES_LON = 10 / (111_195.08 * Math.cos(Math.toRadians(50.085)));

    /**
     * Version 1 (from 2020-01-01): a 2 × 2 grid of 0.01° squares, boroughs W (west) and E (east), codes W-1 (south
     * west), W-2, E-1, E-2. Version 2 (from 2024-01-01): one district per borough, W-all and E-all.
     */
    static final String GRID = """
            {"type":"FeatureCollection","features":[
             %s, %s, %s, %s]}""".formatted(
            square("W", "1", 14.40, 50.08), square("W", "2", 14.40, 50.09),
            square("E", "1", 14.41, 50.08), square("E", "2", 14.41, 50.09));
    static final String HALVES = """
            {"type":"FeatureCollection","features":[%s, %s]}""".formatted(
            rectangle("W", "all", 14.40, 50.08, 14.41, 50.10), rectangle("E", "all", 14.41, 50.08, 14.42, 50.10));
    static final String OUTLINE = """
            {"type":"Feature","properties":{"kod":1},"geometry":{"type":"Polygon","coordinates":
             [[[14.40,50.08],[14.42,50.08],[14.42,50.10],[14.40,50.10],[14.40,50.08]]]}}""";
    static final String MAPPING = "boroughProperty=b&codeTemplate=%7Bb%7D-%7Bn%7D&createBoroughs=true";

    static String city;

    static String square(String borough, String n, double lon, double lat) {
        return rectangle(borough, n, lon, lat, lon + 0.01, lat + 0.01);
    }

    static String rectangle(String borough, String n, double minLon, double minLat, double maxLon, double maxLat) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"b\":\"%s\",\"n\":\"%s\"},"
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],"
                        + "[%.5f,%.5f],[%.5f,%.5f]]]}}", borough, n, minLon, minLat, maxLon, minLat, maxLon, maxLat,
                minLon, maxLat, minLon, minLat);
    }

    static Reply geo(String method, String path, String body) {
        return send(method, path, ADMIN, "application/geo+json", body);
    }

    static String levels() {
        return "{\"levels\":[{\"key\":\"city\",\"name\":\"Město\"},{\"key\":\"borough\",\"name\":\"Obvod\"},"
                + "{\"key\":\"district\",\"name\":\"Okrsek\"}]}";
    }

    @BeforeAll
    static void cityWithTwoBoundaryVersions() {
        city = newCity("Districts IT", null);
        assertEquals(200, put("/api/cities/" + city + "/levels", ADMIN, levels()).status());
        assertEquals(200, geo("PUT", "/api/cities/" + city + "/outline", OUTLINE).status());
        Reply v1 = geo("POST", "/api/cities/" + city + "/boundaries?validFrom=2020-01-01&" + MAPPING, GRID);
        assertEquals(201, v1.status(), v1.toString());
        assertEquals(4, v1.json().getInt("districts"));
        assertEquals(1, v1.json().getJsonObject("boundary").getInt("number"));
        assertEquals(List.of("E", "W"), v1.json().getJsonArray("createdBoroughs").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        Reply v2 = geo("POST", "/api/cities/" + city + "/boundaries?validFrom=2024-01-01&" + MAPPING, HALVES);
        assertEquals(201, v2.status(), v2.toString());
    }

    static Reply locate(String c, double lat, double lon, String at) {
        return get(String.format(Locale.ROOT, "/api/cities/%s/districts/locate?lat=%.7f&lon=%.7f&geometry=false%s",
                c, lat, lon, at == null ? "" : "&at=" + at), null);
    }

    static void assertProblem(Reply r, int status, String type, String field) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.isProblem(), r.contentType());
        if (type != null) {
            assertEquals("https://safecity.cz/problems/" + type, r.json().getString("type"), r.body());
        }
        if (field != null) {
            assertEquals(field, r.json().getString("field", null), r.body());
        }
        assertFalse(r.body().contains("Exception"), r.body());
    }

    @Test
    void versionsAreListedNewestFirstAndKeepTheirWarnings() {
        JsonArray versions = get("/api/cities/" + city + "/boundaries", null).array();
        assertEquals(2, versions.size());
        assertEquals("2024-01-01", versions.getJsonObject(0).getString("validFrom"));
        assertTrue(versions.getJsonObject(0).getBoolean("inForce"));
        assertFalse(versions.getJsonObject(1).getBoolean("inForce"));
        JsonObject first = get("/api/cities/" + city + "/boundaries/1", null).json();
        assertEquals(4, first.getInt("districtCount"));
        assertEquals(0, first.getJsonArray("warnings").size());
        assertProblem(get("/api/cities/" + city + "/boundaries/99", null), 404, null, null);
    }

    @Test
    void badFeaturesAre422ListingEveryIndexAndNothingIsStored() {
        String unclosed = "{\"type\":\"Feature\",\"properties\":{\"b\":\"W\",\"n\":\"9\"},\"geometry\":{\"type\":"
                + "\"Polygon\",\"coordinates\":[[[14.40,50.08],[14.401,50.08],[14.401,50.081],[14.40,50.081]]]}}";
        String bowTie = "{\"type\":\"Feature\",\"properties\":{\"b\":\"W\",\"n\":\"8\"},\"geometry\":{\"type\":"
                + "\"Polygon\",\"coordinates\":[[[14.40,50.08],[14.41,50.09],[14.41,50.08],[14.40,50.09],"
                + "[14.40,50.08]]]}}";
        String body = "{\"type\":\"FeatureCollection\",\"features\":[" + square("W", "1", 14.40, 50.08) + ","
                + unclosed + "," + square("W", "1", 14.41, 50.08) + "," + square("E", "7", 16.60, 49.19) + ","
                + bowTie + "," + rectangle("E", "6", 50.08, 14.40, 50.09, 14.41) + "]}";
        Reply r = geo("POST", "/api/cities/" + city + "/boundaries?" + MAPPING, body);
        assertProblem(r, 422, "unprocessable", null);
        JsonArray errors = r.json().getJsonArray("errors");
        assertEquals(List.of(1, 2, 3, 4, 5), errors.stream().map(e -> e.asJsonObject().getInt("index")).toList());
        String reasons = errors.toString();
        assertTrue(reasons.contains("not closed"), reasons);
        assertTrue(reasons.contains("duplicate code 'W-1'"), reasons);
        assertTrue(reasons.contains("outside the city outline"), reasons);
        assertTrue(reasons.contains("Self-intersection"), reasons);
        assertTrue(reasons.contains("axis order swapped"), reasons);
        assertEquals(2, get("/api/cities/" + city + "/boundaries", null).array().size());
        assertProblem(geo("POST", "/api/cities/" + city + "/boundaries?" + MAPPING, "{\"type\":"), 400,
                "invalid-geojson", "body");
    }

    @Test
    void overlapsAndGapsAreAcceptedWithWarnings() {
        String c = newCity("Warnings IT", null);
        // west column 1, north-middle 2, south strip 3, east column 4 widened 0.001° west (overlaps 2); the
        // south-middle square between them is enclosed by all four and covered by none (a gap)
        String body = "{\"type\":\"FeatureCollection\",\"features\":["
                + rectangle("x", "1", 14.40, 50.08, 14.41, 50.11) + ","
                + rectangle("x", "2", 14.41, 50.09, 14.42, 50.11) + ","
                + rectangle("x", "3", 14.40, 50.07, 14.43, 50.08) + ","
                + rectangle("x", "4", 14.419, 50.08, 14.43, 50.11) + "]}";
        Reply r = send("POST", "/api/cities/" + c + "/boundaries?codeProperty=n", ADMIN, "application/json", body);
        assertEquals(201, r.status(), r.toString());
        JsonArray warnings = r.json().getJsonArray("warnings");
        JsonObject overlap = warning(warnings, "overlap");
        assertEquals("[\"2\",\"4\"]", overlap.getJsonArray("codes").toString());
        assertEquals(0.001 * 71_370 * 0.02 * 111_195, overlap.getJsonNumber("areaM2").doubleValue(), 1_000);
        JsonObject gap = warning(warnings, "gap");
        assertEquals("[\"1\",\"2\",\"3\",\"4\"]", gap.getJsonArray("codes").toString());
        assertEquals(0.009 * 71_370 * 0.01 * 111_195, gap.getJsonNumber("areaM2").doubleValue(), 2_000);
        assertEquals(2, get("/api/cities/" + c + "/boundaries/1", null).json().getJsonArray("warnings").size());
    }

    static JsonObject warning(JsonArray warnings, String kind) {
        return warnings.stream().map(JsonValue::asJsonObject).filter(w -> w.getString("kind").equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " warning in " + warnings));
    }

    @Test
    void aPointOnASharedEdgeBelongsToTheLowestCodeAndListsTheOther() {
        Reply r = locate(city, 50.085, 14.41, "2021-06-01");
        assertEquals(200, r.status(), r.toString());
        JsonObject answer = r.json();
        assertEquals("E-1", answer.getJsonObject("district").getString("code"));
        assertTrue(answer.getBoolean("nearBoundary"));
        JsonObject other = answer.getJsonArray("neighbours").getJsonObject(0);
        assertEquals("W-1", other.getString("code"));
        assertEquals(0.0, other.getJsonNumber("distanceMetres").doubleValue());
    }

    @Test
    void aPointTenMetresFromAnEdgeIsNearTheBoundary() {
        JsonObject answer = locate(city, 50.085, 14.41 - TEN_METRES_LON, "2021-06-01").json();
        assertEquals("W-1", answer.getJsonObject("district").getString("code"));
        assertTrue(answer.getBoolean("nearBoundary"));
        assertEquals(25, answer.getInt("nearBoundaryMetres"));
        JsonObject other = answer.getJsonArray("neighbours").getJsonObject(0);
        assertEquals("E-1", other.getString("code"));
        assertEquals(10.0, other.getJsonNumber("distanceMetres").doubleValue(), 0.2);
        JsonObject deep = locate(city, 50.0855, 14.4055, "2021-06-01").json();
        assertFalse(deep.getBoolean("nearBoundary"));
        assertEquals(0, deep.getJsonArray("neighbours").size());
    }

    @Test
    void brnoIsOutsideWithTheNearestDistrictNamed() {
        Reply r = locate(city, 49.195, 16.608, null);
        assertProblem(r, 404, "outside-city", null);
        JsonObject nearest = r.json().getJsonObject("nearest");
        assertEquals("E-all", nearest.getString("code"));
        assertTrue(nearest.getJsonNumber("distanceMetres").doubleValue() > 150_000, nearest.toString());
    }

    @Test
    void badCoordinatesAre400NamingTheParameter() {
        assertProblem(get("/api/cities/" + city + "/districts/locate?lat=abc&lon=14.4", null), 400, "invalid-input",
                "lat");
        assertProblem(get("/api/cities/" + city + "/districts/locate?lat=50.08&lon=200", null), 400,
                "invalid-input", "lon");
        assertProblem(get("/api/cities/" + city + "/districts/locate?lon=14.4", null), 400, "invalid-input", "lat");
        assertProblem(get("/api/cities/" + city + "/districts/locate?lat=50.08&lon=14.4&at=yesterday", null), 400,
                "invalid-input", "at");
        assertProblem(get("/api/locate?lat=91&lon=14.4", null), 400, "invalid-input", "lat");
    }

    @Test
    void reDistrictingIsAnsweredByDate() {
        assertEquals("W-1", locate(city, 50.085, 14.405, "2023-12-31").json().getJsonObject("district")
                .getString("code"));
        JsonObject after = locate(city, 50.085, 14.405, "2024-01-01").json();
        assertEquals("W-all", after.getJsonObject("district").getString("code"));
        assertEquals(2, after.getJsonObject("district").getJsonObject("boundary").getInt("number"));
        assertProblem(locate(city, 50.085, 14.405, "2019-12-31"), 404, "no-districts", null);
        assertEquals(200, get("/api/cities/" + city + "/districts/W-1?at=2021-01-01", null).status());
        assertProblem(get("/api/cities/" + city + "/districts/W-1", null), 404, "not-found", null);
        assertEquals(4, get("/api/cities/" + city + "/districts?at=2021-01-01", null).json()
                .getJsonArray("districts").size());
        JsonObject today = get("/api/cities/" + city + "/districts", null).json();
        assertEquals(2, today.getJsonArray("districts").size());
        assertEquals("W", today.getJsonArray("districts").getJsonObject(1).getJsonObject("borough")
                .getString("code"));
    }

    @Test
    void theCardHasGeometryBoroughVersionAndTheCardParts() {
        JsonObject card = get("/api/cities/" + city + "/districts/E-all", null).json();
        assertEquals("E-all", card.getString("code"));
        assertFalse(card.getBoolean("provisional"));
        assertEquals("Polygon", card.getJsonObject("geometry").getString("type"));
        assertEquals("2024-01-01", card.getJsonObject("boundary").getString("validFrom"));
        assertEquals("E", card.getJsonObject("borough").getString("code"));
        assertTrue(card.containsKey("workingGroup") && card.containsKey("stations")
                && card.containsKey("recommendations"), card.keySet().toString());
    }

    @Test
    void geoJsonExportIsAFeatureCollectionForTheDate() {
        Reply r = get("/api/cities/" + city + "/districts.geojson?at=2021-01-01&simplify=5", null);
        assertEquals(200, r.status(), r.toString());
        // the test client accepts application/json first, so it gets that; without Accept it is application/geo+json
        assertTrue(r.contentType().startsWith("application/geo+json") || r.contentType().startsWith(
                "application/json"), r.contentType());
        JsonArray features = r.json().getJsonArray("features");
        assertEquals(4, features.size());
        JsonObject props = features.getJsonObject(0).getJsonObject("properties");
        assertEquals("E-1", props.getString("code"));
        assertEquals("E", props.getString("borough"));
        assertFalse(props.getBoolean("provisional"));
        assertProblem(get("/api/cities/" + city + "/districts.geojson?simplify=-1", null), 400, "invalid-input",
                "simplify");
    }

    @Test
    void anotherCitySeesNoneOfTheseDistricts() {
        String other = newCity("Isolation IT", null);
        assertProblem(get("/api/cities/" + other + "/districts/W-all", null), 404, "not-found", null);
        assertProblem(get("/api/cities/" + other + "/districts/E-1?at=2021-01-01", null), 404, "not-found", null);
        JsonObject list = get("/api/cities/" + other + "/districts", null).json();
        assertEquals(0, list.getJsonArray("districts").size());
        assertTrue(!list.containsKey("boundary") || list.isNull("boundary"), list.toString());
        assertEquals(0, get("/api/cities/" + other + "/boundaries", null).array().size());
        assertEquals(0, get("/api/cities/" + other + "/boroughs", null).array().size());
        assertEquals(0, get("/api/cities/" + other + "/districts.geojson", null).json().getJsonArray("features")
                .size());
        assertProblem(locate(other, 50.085, 14.405, null), 404, "no-districts", null);
        assertProblem(get("/api/cities/" + other + "/outline", null), 404, null, null);
    }

    @Test
    void onlyTheCitysAdminEdits() {
        assertProblem(send("POST", "/api/cities/" + city + "/boundaries?" + MAPPING, null, "application/geo+json",
                GRID), 401, "unauthenticated", null);
        assertProblem(send("PUT", "/api/cities/" + city + "/outline", "city-admin.plzen", "application/geo+json",
                OUTLINE), 403, "forbidden", null);
        assertProblem(send("POST", "/api/cities/" + city + "/districts/provisional", "constable.plzen",
                "application/json", "{\"districts\":3}"), 403, "forbidden", null);
        assertProblem(send("PUT", "/api/cities/" + city + "/levels", "councillor.plzen", "application/json",
                levels()), 403, "forbidden", null);
    }

    @Test
    void provisionalDistrictsAreFlaggedEverywhere() {
        String c = newCity("Provisional IT", null);
        assertProblem(send("POST", "/api/cities/" + c + "/districts/provisional", ADMIN, "application/json",
                "{\"districts\":5}"), 409, "conflict", "outline");
        assertEquals(200, geo("PUT", "/api/cities/" + c + "/outline", OUTLINE).status());
        assertProblem(send("POST", "/api/cities/" + c + "/districts/provisional", ADMIN, "application/json",
                "{\"districts\":5,\"boroughs\":2}"), 409, "conflict", "boroughs");
        assertProblem(send("POST", "/api/cities/" + c + "/districts/provisional", ADMIN, "application/json",
                "{\"districts\":0}"), 400, null, null);
        assertEquals(200, put("/api/cities/" + c + "/levels", ADMIN, levels()).status());
        Reply r = send("POST", "/api/cities/" + c + "/districts/provisional", ADMIN, "application/json",
                "{\"districts\":5,\"boroughs\":2,\"seed\":7,\"validFrom\":\"2020-01-01\","
                        + "\"boroughName\":\"Obvod {n}\"}");
        assertEquals(201, r.status(), r.toString());
        assertTrue(r.json().getJsonObject("boundary").getBoolean("provisional"));
        JsonArray districts = get("/api/cities/" + c + "/districts", null).json().getJsonArray("districts");
        assertEquals(5, districts.size());
        districts.forEach(d -> assertTrue(d.asJsonObject().getBoolean("provisional")));
        JsonObject located = locate(c, 50.09, 14.41, null).json();
        assertTrue(located.getJsonObject("district").getBoolean("provisional"));
        assertEquals(2, get("/api/cities/" + c + "/boroughs", null).array().size());
        get("/api/cities/" + c + "/districts.geojson", null).json().getJsonArray("features").forEach(
                f -> assertTrue(f.asJsonObject().getJsonObject("properties").getBoolean("provisional")));
    }

    @Test
    void theRegionalLocateFindsTheCityByItsOutline() {
        String c = newCity("Regional IT", null);
        // a 1 km square somewhere in the Atlantic, random so that no other test city shares it
        Random random = new Random();
        double lon = -40 + random.nextDouble() * 10;
        double lat = 30 + random.nextDouble() * 10;
        String square = rectangle("x", "1", lon, lat, lon + 0.01, lat + 0.01);
        assertEquals(200, geo("PUT", "/api/cities/" + c + "/outline", square).status());
        assertEquals(201, send("POST", "/api/cities/" + c + "/boundaries?codeProperty=n&validFrom=2020-01-01", ADMIN,
                "application/geo+json", "{\"type\":\"FeatureCollection\",\"features\":[" + square + "]}").status());
        Reply r = get(String.format(Locale.ROOT, "/api/locate?lat=%.6f&lon=%.6f", lat + 0.005, lon + 0.005), null);
        assertEquals(200, r.status(), r.toString());
        assertEquals(c, r.json().getJsonObject("city").getString("slug"));
        assertEquals("1", r.json().getJsonObject("located").getJsonObject("district").getString("code"));
        assertProblem(get(String.format(Locale.ROOT, "/api/locate?lat=%.6f&lon=%.6f", lat - 1, lon - 1), null),
                404, "outside-cities", null);
    }

    @Test
    void realPraguePointsLocateToTheirSourceDistrict() throws Exception {
        Path data = Path.of(System.getProperty("shared.data", "../../shared/data"));
        assumeTrue(Files.exists(data.resolve("praha-mp-districts.geojson")), "no shared data at " + data);
        String c = newCity("Praha IT", null);
        assertEquals(200, put("/api/cities/" + c + "/levels", ADMIN, levels()).status());
        Reply outline = send("PUT", "/api/cities/" + c + "/outline?property=ok&value=Praha", ADMIN,
                "application/geo+json", Files.readString(data.resolve("cz-municipalities.geojson")));
        assertEquals(200, outline.status(), outline.toString());
        String praha = Files.readString(data.resolve("praha-mp-districts.geojson"));
        Reply imported = send("POST", "/api/cities/" + c + "/boundaries?codeTemplate=%7Bmc_praha%7D-%7Bokrsek%7D"
                + "&boroughProperty=mc_praha&createBoroughs=true", ADMIN, "application/geo+json", praha);
        assertEquals(201, imported.status(), imported.toString());
        assertEquals(226, imported.json().getInt("districts"));
        JsonArray features = Json.createReader(new StringReader(praha)).readObject().getJsonArray("features");
        int checked = 0;
        for (JsonValue f : features) {
            JsonObject p = f.asJsonObject().getJsonObject("properties");
            JsonArray ring = f.asJsonObject().getJsonObject("geometry").getJsonArray("coordinates").getJsonArray(0);
            double[] point = insidePoint(ring);
            if (point == null) {
                continue;
            }
            Reply r = locate(c, point[1], point[0], null);
            assertEquals(200, r.status(), r.toString());
            JsonObject answer = r.json();
            String expected = p.getString("mc_praha") + "-" + p.getString("okrsek");
            String got = answer.getJsonObject("district").getString("code");
            // on slightly overlapping real data the point may also lie in a neighbour, which is then listed
            assertTrue(got.equals(expected) || answer.getJsonArray("neighbours").toString().contains(
                    "\"" + expected + "\""), expected + " → " + answer);
            checked++;
        }
        assertTrue(checked > 150, "only " + checked + " interior points checked");
    }

    /** A point inside the ring (lon, lat): the centre of a horizontal chord through the ring's middle latitude. */
    static double[] insidePoint(JsonArray ring) {
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        for (JsonValue v : ring) {
            double lat = v.asJsonArray().getJsonNumber(1).doubleValue();
            minLat = Math.min(minLat, lat);
            maxLat = Math.max(maxLat, lat);
        }
        double y = (minLat + maxLat) / 2 + 1e-9;
        List<Double> xs = new java.util.ArrayList<>();
        for (int i = 1; i < ring.size(); i++) {
            JsonArray a = ring.getJsonArray(i - 1);
            JsonArray b = ring.getJsonArray(i);
            double ay = a.getJsonNumber(1).doubleValue();
            double by = b.getJsonNumber(1).doubleValue();
            if ((ay <= y) != (by <= y)) {
                double ax = a.getJsonNumber(0).doubleValue();
                double bx = b.getJsonNumber(0).doubleValue();
                xs.add(ax + (y - ay) * (bx - ax) / (by - ay));
            }
        }
        if (xs.size() < 2) {
            return null;
        }
        xs.sort(Double::compare);
        return new double[] {(xs.get(0) + xs.get(1)) / 2, y};
    }
}
