package cz.safecity.system.districts;

import static cz.safecity.system.SystemTestSupport.newCity;
import static cz.safecity.system.SystemTestSupport.post;
import static cz.safecity.system.SystemTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport;
import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.JsonObject;

/**
 * Random test cities with two districts (codes {@code A1} and {@code B2}, 0.01° squares west and east of
 * 14.41 E / 50.08 N, in force from 2020-01-01), made through the districts module's own import API, for the
 * people-and-places system tests. The city publishes in cs (default) and en. Its city-admin in these tests is
 * {@code platform-admin} (a platform role that counts in every city): demo users hold roles only in the demo cities.
 */
final class PeopleAndPlacesFixture {

    /** Acts as city-admin in random cities. */
    static final String ADMIN = "platform-admin";

    /** Two adjacent squares, A1 west of 14.41 E and B2 east of it, 50.08–50.09 N. */
    static final String TWO_DISTRICTS = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"code":"A1","name":"Okrsek A1"},"geometry":{"type":"Polygon",
              "coordinates":[[[14.40,50.08],[14.41,50.08],[14.41,50.09],[14.40,50.09],[14.40,50.08]]]}},
             {"type":"Feature","properties":{"code":"B2","name":"Okrsek B2"},"geometry":{"type":"Polygon",
              "coordinates":[[[14.41,50.08],[14.42,50.08],[14.42,50.09],[14.41,50.09],[14.41,50.08]]]}}]}""";

    private PeopleAndPlacesFixture() {
    }

    /** A new random city (name {@code name}, locales cs and en) with districts A1 and B2; returns its slug. */
    static String cityWithDistricts(String name) {
        String slug = SystemTestSupport.randomSlug();
        Reply city = post("/api/cities", ADMIN, "{\"slug\":\"" + slug + "\",\"name\":\"" + name
                + "\",\"locales\":[\"cs\",\"en\"]}");
        assertEquals(201, city.status(), city.toString());
        Reply imported = send("POST", "/api/cities/" + slug
                        + "/boundaries?codeProperty=code&nameProperty=name&validFrom=2020-01-01", ADMIN,
                "application/geo+json", TWO_DISTRICTS);
        assertEquals(201, imported.status(), imported.toString());
        return slug;
    }

    /** A random city without any boundaries. */
    static String cityWithoutDistricts(String name) {
        return newCity(name, null);
    }

    static void assertProblem(Reply r, int status, String field) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.isProblem(), "not problem+json: " + r.contentType() + " " + r.body());
        JsonObject p = r.json();
        assertEquals(status, p.getInt("status"));
        if (field != null) {
            assertEquals(field, p.getString("field", null), r.body());
        }
        assertFalse(r.body().contains("Exception"), "leaks internals: " + r.body());
    }
}
