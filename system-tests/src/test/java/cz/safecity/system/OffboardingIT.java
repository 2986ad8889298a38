package cz.safecity.system;

import static cz.safecity.system.SystemTestSupport.delete;
import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.SystemTestSupport.newCity;
import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.SystemTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE /api/cities/{city}}: only a platform admin; a dry run lists per module and table what would go and
 * changes nothing; the real run removes the city's rows from the districts module and the platform, its Keycloak
 * Organization and groups, and the city from the public list at once, while the platform-level audit keeps who did it.
 */
class OffboardingIT {

    private static final String OUTLINE = """
            {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":
             [[[14.40,50.08],[14.42,50.08],[14.42,50.10],[14.40,50.10],[14.40,50.08]]]}}""";

    @Test
    void onlyAPlatformAdminOffboards() {
        String city = newCity("Offboard roles", null);
        PlatformIT.assertProblem(delete("/api/cities/" + city, null), 401);
        PlatformIT.assertProblem(delete("/api/cities/" + city, "city-admin.plzen"), 403);
        PlatformIT.assertProblem(delete("/api/cities/" + city, "coordinator"), 403);
        PlatformIT.assertProblem(delete("/api/cities/t-nosuchcity", "platform-admin"), 404);
        assertEquals(200, get("/api/cities/" + city, null).status());
    }

    @Test
    void dryRunListsAndRealRunRemovesEverything() {
        String city = newCity("Offboard me", null);
        assertEquals(200, put("/api/cities/" + city + "/levels", "platform-admin",
                "{\"levels\":[{\"key\":\"city\",\"name\":\"Město\"},{\"key\":\"borough\",\"name\":\"Obvod\"},"
                        + "{\"key\":\"district\",\"name\":\"Okrsek\"}]}").status());
        assertEquals(200, send("PUT", "/api/cities/" + city + "/outline", "platform-admin", "application/geo+json",
                OUTLINE).status());
        Reply provisional = send("POST", "/api/cities/" + city + "/districts/provisional", "platform-admin",
                "application/json", "{\"districts\":4,\"boroughs\":2}");
        assertEquals(201, provisional.status(), provisional.toString());

        Reply dry = delete("/api/cities/" + city + "?dryRun=true", "platform-admin");
        assertEquals(200, dry.status(), dry.toString());
        JsonObject plan = dry.json();
        assertTrue(plan.getBoolean("dryRun"));
        JsonObject districts = plan.getJsonObject("removed").getJsonObject("districts");
        assertEquals(4, districts.getJsonNumber("districts_district").longValue(), plan.toString());
        assertEquals(1, districts.getJsonNumber("districts_outline").longValue(), plan.toString());
        JsonObject platform = plan.getJsonObject("removed").getJsonObject("platform");
        assertEquals(1, platform.getJsonNumber("platform_tenant").longValue());
        assertTrue(platform.getJsonNumber("platform_audit").longValue() >= 1, plan.toString());
        assertTrue(plan.getJsonObject("notCovered").isEmpty(), "tables no module offboards: " + plan);
        assertTrue(plan.getJsonArray("keycloak").toString().contains("groups"), plan.toString());
        assertEquals(4, get("/api/cities/" + city + "/districts", null).json().getJsonArray("districts").size(),
                "a dry run changes nothing");

        Reply done = delete("/api/cities/" + city, "platform-admin");
        assertEquals(200, done.status(), done.toString());
        assertFalse(done.json().getBoolean("dryRun"));
        assertFalse(done.json().getString("by").isBlank());
        PlatformIT.assertProblem(get("/api/cities/" + city, null), 404);
        PlatformIT.assertProblem(get("/api/cities/" + city + "/districts", null), 404);
        assertFalse(get("/api/cities", null).array().stream()
                .anyMatch(c -> c.asJsonObject().getString("slug").equals(city)), "still listed");
        // idempotent from the outside: the city is unknown now
        PlatformIT.assertProblem(delete("/api/cities/" + city, "platform-admin"), 404);

        Reply audit = get("/api/platform/audit?city=" + city, "platform-admin");
        assertEquals(200, audit.status(), audit.toString());
        JsonObject last = audit.array().getJsonObject(0);
        assertEquals("platform.city.offboarded", last.getString("action"), audit.toString());
        assertEquals(done.json().getString("by"), last.getString("personId"));
        assertTrue(audit.array().stream().map(JsonValue::asJsonObject)
                .anyMatch(e -> e.getString("action").equals("platform.city.onboarded")), audit.toString());
        PlatformIT.assertProblem(get("/api/platform/audit", "city-admin.plzen"), 403);

        // the slug is free again, with a fresh Keycloak organization
        Reply again = SystemTestSupport.post("/api/cities", "platform-admin",
                "{\"slug\":\"" + city + "\",\"name\":\"Offboard me again\"}");
        assertEquals(201, again.status(), again.toString());
        PlatformIT.assertProblem(get("/api/cities/" + city + "/outline", null), 404);
    }
}
