package cz.safecity.system;

import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.SystemTestSupport.newCity;
import static cz.safecity.system.SystemTestSupport.post;
import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.SystemTestSupport.randomSlug;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** The platform's own endpoints over HTTP with real Keycloak tokens: cities, modules, audit, roles, problems. */
class PlatformIT {

    @Test
    void pingAnswersPong() {
        Reply r = get("/api/ping", null);
        assertEquals(200, r.status());
        assertEquals("pong", r.body());
    }

    @Test
    void demoCitiesAreListedPublicly() {
        Reply r = get("/api/cities", null);
        assertEquals(200, r.status(), r.toString());
        var slugs = r.array().stream().map(v -> v.asJsonObject().getString("slug")).toList();
        assertTrue(slugs.containsAll(java.util.List.of("sokolov", "plzen", "praha")), slugs.toString());
        JsonObject plzen = get("/api/cities/plzen", null).json();
        assertEquals("Plzeň", plzen.getString("name"));
        assertEquals("Europe/Prague", plzen.getString("timeZone"));
    }

    @Test
    void platformAdminOnboardsCityAndEveryoneElseIsRefused() {
        String slug = randomSlug();
        String body = "{\"slug\":\"" + slug + "\",\"name\":\"Test " + slug + "\",\"municipalityCode\":\"123456\","
                + "\"population\":1000}";
        assertProblem(post("/api/cities", null, body), 401);
        assertProblem(post("/api/cities", "city-admin.plzen", body), 403);
        assertProblem(post("/api/cities", "coordinator", body), 403);
        Reply created = post("/api/cities", "platform-admin", body);
        assertEquals(201, created.status(), created.toString());
        assertTrue(created.raw().headers().firstValue("Location").orElse("").endsWith("/api/cities/" + slug));
        assertEquals(200, get("/api/cities/" + slug, null).status());
        Reply again = post("/api/cities", "platform-admin", body);
        assertProblem(again, 409);
        assertEquals("slug", again.json().getString("field"));
        // default modules are on, and the onboarding is audited with the person who did it
        Reply modules = get("/api/cities/" + slug + "/modules", null);
        assertTrue(modules.array().stream().allMatch(m -> m.asJsonObject().getBoolean("enabled")), modules.body());
        Reply audit = get("/api/cities/" + slug + "/audit", "platform-admin");
        assertEquals(200, audit.status(), audit.toString());
        JsonObject entry = audit.array().getJsonObject(audit.array().size() - 1);
        assertEquals("platform.city.onboarded", entry.getString("action"));
        assertEquals("platform-admin", entry.getString("role"));
        assertFalse(entry.getString("personId").isBlank());
    }

    @Test
    void badInputAnswersProblemsNamingTheField() {
        Reply badSlug = post("/api/cities", "platform-admin", "{\"slug\":\"Bad Slug!\",\"name\":\"X\"}");
        assertProblem(badSlug, 400);
        assertEquals("slug", badSlug.json().getString("field"));
        Reply noName = post("/api/cities", "platform-admin", "{\"slug\":\"" + randomSlug() + "\"}");
        assertProblem(noName, 400);
        assertEquals("name", noName.json().getString("field"));
        Reply badZone = post("/api/cities", "platform-admin",
                "{\"slug\":\"" + randomSlug() + "\",\"name\":\"X\",\"timeZone\":\"Mars/Olympus\"}");
        assertProblem(badZone, 400);
        assertEquals("timeZone", badZone.json().getString("field"));
        assertProblem(post("/api/cities", "platform-admin", "{not json"), 400);
        assertProblem(post("/api/cities", "platform-admin", ""), 400);
        assertProblem(get("/api/cities/no-such-city", null), 404);
        assertProblem(get("/api/cities/no-such-city/modules", null), 404);
        assertProblem(get("/api/no-such-thing", null), 404);
        Reply limit = get("/api/cities/plzen/audit?limit=abc", "city-admin.plzen");
        assertProblem(limit, 400);
        assertEquals("limit", limit.json().getString("field"));
        assertProblem(get("/api/cities/plzen/audit?limit=0", "city-admin.plzen"), 400);
    }

    @Test
    void aBadTokenIsAProblemToo() {
        Reply r = SystemTestSupport.send("GET", "/api/cities/plzen/me", null, null, null);
        assertProblem(r, 401);
        var raw = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        try {
            var resp = raw.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(SystemTestSupport.BASE + "/api/cities/plzen/me"))
                    .header("Authorization", "Bearer not-a-token").GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertProblem(new Reply(resp.statusCode(), resp.body(), resp), 401);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cityRolesCountOnlyInTheirOwnCity() {
        assertEquals(200, get("/api/cities/plzen/me", "constable.plzen").status());
        JsonObject me = get("/api/cities/plzen/me", "constable.plzen").json();
        assertEquals("constable.plzen", me.getString("username"));
        assertEquals("constable", me.getJsonArray("cityRoles").getString(0));
        assertProblem(get("/api/cities/sokolov/me", "constable.plzen"), 403);
        assertProblem(get("/api/cities/plzen/me", null), 401);
        assertProblem(get("/api/cities/plzen/audit", "constable.plzen"), 403);
        assertEquals(200, get("/api/cities/plzen/audit", "city-admin.plzen").status());
        assertProblem(get("/api/cities/praha/audit", "city-admin.plzen"), 403);
        // the regional coordinator reads across cities
        assertEquals(200, get("/api/cities/praha/audit", "coordinator").status());
        assertEquals(200, get("/api/cities/sokolov/me", "coordinator").status());
    }

    @Test
    void moduleSettingsAreValidatedAndAudited() {
        String city = newCity("Modules test", null);
        Reply unknown = put("/api/cities/" + city + "/modules/nope", "platform-admin", "{\"enabled\":true}");
        assertProblem(unknown, 404);
        Reply badKey = put("/api/cities/" + city + "/modules/messaging", "platform-admin",
                "{\"enabled\":true,\"settings\":{\"noSuchSetting\":1}}");
        assertProblem(badKey, 400);
        assertEquals("settings.noSuchSetting", badKey.json().getString("field"));
        Reply badType = put("/api/cities/" + city + "/modules/messaging", "platform-admin",
                "{\"enabled\":true,\"settings\":{\"retentionDays\":\"many\"}}");
        assertProblem(badType, 400);
        assertEquals("settings.retentionDays", badType.json().getString("field"));
        Reply missing = put("/api/cities/" + city + "/modules/messaging", "platform-admin", "{}");
        assertProblem(missing, 400);
        Reply ok = put("/api/cities/" + city + "/modules/messaging", "platform-admin",
                "{\"enabled\":false,\"settings\":{\"retentionDays\":30}}");
        assertEquals(200, ok.status(), ok.toString());
        assertFalse(ok.json().getBoolean("enabled"));
        assertEquals(30, ok.json().getJsonObject("settings").getInt("retentionDays"));
        assertTrue(ok.json().getJsonObject("settings").size() > 1,
                "the other settings keep their defaults: " + ok.json());
        Reply audit = get("/api/cities/" + city + "/audit?limit=5", "platform-admin");
        assertEquals("platform.module.disabled", audit.array().getJsonObject(0).getString("action"));
    }

    @Test
    void auditOfOneCityNeverShowsAnotherCitysEntries() {
        String a = newCity("Isolation A", null);
        String b = newCity("Isolation B", null);
        put("/api/cities/" + a + "/modules/stats", "platform-admin", "{\"enabled\":false}");
        Reply auditB = get("/api/cities/" + b + "/audit?limit=500", "platform-admin");
        assertEquals(200, auditB.status());
        for (JsonValue v : auditB.array()) {
            JsonObject e = v.asJsonObject();
            assertFalse(e.getString("objectId").equals(a), "city B's audit shows city A's entry: " + e);
            assertFalse(e.getString("action").equals("platform.module.disabled"), "leaked: " + e);
        }
    }

    @Test
    void modulesReportIndicatorsPerCity() {
        Reply praha = get("/api/cities/praha/indicators", null);
        assertEquals(200, praha.status(), praha.toString());
        JsonObject count = praha.array().stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("key").equals("districts.count")).findFirst().orElseThrow();
        assertEquals("districts", count.getString("module"));
        assertTrue(count.getInt("value") > 0, count.toString());
        String city = newCity("Indicators test", null);
        Reply fresh = get("/api/cities/" + city + "/indicators", null);
        assertTrue(fresh.body().contains("\"districts.count\""), fresh.body());
        put("/api/cities/" + city + "/modules/districts", "platform-admin", "{\"enabled\":false}");
        Reply without = get("/api/cities/" + city + "/indicators", null);
        assertFalse(without.body().contains("districts.count"), "a disabled module reports nothing: " + without.body());
        assertProblem(get("/api/cities/" + city + "/districts", null), 404);
    }

    static void assertProblem(Reply r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.isProblem(), "not problem+json: " + r.contentType() + " " + r.body());
        JsonObject p = r.json();
        assertEquals(status, p.getInt("status"));
        assertTrue(p.containsKey("type") && p.containsKey("title"), r.body());
        assertFalse(r.body().contains("Exception"), "leaks internals: " + r.body());
    }
}
