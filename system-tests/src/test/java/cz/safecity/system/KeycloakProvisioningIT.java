package cz.safecity.system;

import static cz.safecity.system.SystemTestSupport.KEYCLOAK;
import static cz.safecity.system.SystemTestSupport.fetchToken;
import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.SystemTestSupport.newCity;
import static cz.safecity.system.SystemTestSupport.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * City onboarding provisions Keycloak (checked through Keycloak's own admin API, as the provisioner's service
 * account), and {@code PUT /api/cities/{city}/staff/{username}/roles} turns into group memberships that the
 * person's next token carries in {@code city_groups}. The platform's own JSON is unchanged after these calls
 * (JSON-B: nulls left out), which shows the admin client did not take over the server's JAX-RS providers.
 */
class KeycloakProvisioningIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private static final String ADMIN = KEYCLOAK + "/admin/realms/safecity";
    private static String adminToken;
    private static String staffUsername;
    private static String staffId;

    @BeforeAll
    static void serviceAccountAndTestPerson() throws Exception {
        adminToken = serviceAccountToken();
        staffUsername = "t-staff-" + UUID.randomUUID().toString().substring(0, 8);
        String user = Json.createObjectBuilder().add("username", staffUsername).add("enabled", true)
                .add("firstName", "Test").add("lastName", "Staff").add("email", staffUsername + "@example.org")
                .add("emailVerified", true)
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "password")
                        .add("value", SystemTestSupport.PASSWORD).add("temporary", false))).build().toString();
        HttpResponse<String> r = admin("POST", "/users", user);
        assertEquals(201, r.statusCode(), "creating test user: " + r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        staffId = location.substring(location.lastIndexOf('/') + 1);
    }

    @AfterAll
    static void removeTestPerson() throws Exception {
        if (staffId != null) {
            admin("DELETE", "/users/" + staffId, null);
        }
    }

    @Test
    void onboardingCreatesOrganizationAndRoleGroupsMappedToRealmRoles() throws Exception {
        String slug = newCity("Provisioned " + UUID.randomUUID().toString().substring(0, 4), null);

        JsonObject org = organization(slug);
        assertEquals(slug, org.getString("alias"));
        assertTrue(org.getBoolean("enabled"));
        assertTrue(org.getJsonArray("domains").stream()
                        .anyMatch(d -> d.asJsonObject().getString("name").equals(slug + ".safecity.local")),
                org.toString());

        JsonObject top = json(admin("GET", "/group-by-path/" + slug, null)).asJsonObject();
        assertEquals("/" + slug, top.getString("path"));
        for (String role : List.of("city-admin", "police-officer", "constable", "councillor")) {
            JsonObject group = json(admin("GET", "/group-by-path/" + slug + "/" + role, null)).asJsonObject();
            assertEquals("/" + slug + "/" + role, group.getString("path"));
            JsonArray roles = json(admin("GET", "/groups/" + group.getString("id") + "/role-mappings/realm", null))
                    .asJsonArray();
            assertTrue(roles.stream().anyMatch(r -> r.asJsonObject().getString("name").equals(role)),
                    "group " + role + " lacks its realm role: " + roles);
        }

        // the app's own JSON after a provisioning call: JSON-B as before (no null members), endpoints answer
        Reply city = get("/api/cities/" + slug, null);
        assertEquals(200, city.status(), city.toString());
        assertTrue(city.contentType().startsWith("application/json"), city.contentType());
        assertFalse(city.json().containsKey("municipalityCode"), "null member serialized: " + city.body());
        assertEquals("pong", get("/api/ping", null).body());
    }

    @Test
    void staffRolesBecomeGroupMembershipsInTheToken() throws Exception {
        String slug = newCity("Staffed " + UUID.randomUUID().toString().substring(0, 4), null);
        String path = "/api/cities/" + slug + "/staff/" + staffUsername + "/roles";

        Reply set = put(path, "platform-admin", "{\"roles\":[\"constable\",\"councillor\"]}");
        assertEquals(200, set.status(), set.toString());
        assertEquals(List.of("constable", "councillor"), strings(set.json().getJsonArray("roles")));
        assertEquals(List.of("constable", "councillor"), strings(set.json().getJsonArray("added")));
        assertEquals(List.of("constable", "councillor"), strings(get(path, "platform-admin").json()
                .getJsonArray("roles")));

        List<String> groups = cityGroups(fetchToken(staffUsername, SystemTestSupport.PASSWORD));
        assertTrue(groups.containsAll(List.of("/" + slug + "/constable", "/" + slug + "/councillor")),
                groups.toString());
        assertTrue(json(admin("GET", "/organizations/" + organization(slug).getString("id") + "/members", null))
                .asJsonArray().stream().anyMatch(m -> m.asJsonObject().getString("username").equals(staffUsername)),
                "the person is a member of the city's organization");

        Reply same = put(path, "platform-admin", "{\"roles\":[\"councillor\",\"constable\"]}");
        assertEquals(List.of(), strings(same.json().getJsonArray("added")), "idempotent: " + same);
        Reply fewer = put(path, "platform-admin", "{\"roles\":[\"councillor\"]}");
        assertEquals(List.of("constable"), strings(fewer.json().getJsonArray("removed")), fewer.toString());
        List<String> after = cityGroups(fetchToken(staffUsername, SystemTestSupport.PASSWORD));
        assertFalse(after.contains("/" + slug + "/constable"), after.toString());
        assertTrue(after.contains("/" + slug + "/councillor"), after.toString());

        Reply audit = get("/api/cities/" + slug + "/audit", "platform-admin");
        assertTrue(audit.array().stream().anyMatch(e -> e.asJsonObject().getString("action")
                .equals("platform.staff.roles.changed") && e.asJsonObject().getString("objectId")
                .equals(staffUsername)), audit.body());
    }

    @Test
    void staffRolesAreValidatedAndCityAdminOnly() {
        String path = "/api/cities/plzen/staff/" + staffUsername + "/roles";
        Reply bad = put(path, "city-admin.plzen", "{\"roles\":[\"councillor\",\"mayor\"]}");
        PlatformIT.assertProblem(bad, 400);
        assertEquals("roles[1]", bad.json().getString("field"));
        PlatformIT.assertProblem(put("/api/cities/plzen/staff/nobody-" + UUID.randomUUID() + "/roles",
                "city-admin.plzen", "{\"roles\":[]}"), 404);
        PlatformIT.assertProblem(put(path, "city-admin.sokolov", "{\"roles\":[]}"), 403);
        PlatformIT.assertProblem(put(path, "constable.plzen", "{\"roles\":[]}"), 403);
        PlatformIT.assertProblem(put(path, null, "{\"roles\":[]}"), 401);
        Reply noRoles = put(path, "city-admin.plzen", "{}");
        PlatformIT.assertProblem(noRoles, 400);
        assertEquals("roles", noRoles.json().getString("field"));
    }

    // --- Keycloak admin API, as the provisioner's service account ------------------------------------------

    private static JsonObject organization(String slug) throws Exception {
        JsonArray found = json(admin("GET", "/organizations?search=" + slug + "&exact=false&briefRepresentation=false",
                null)).asJsonArray();
        return found.stream().map(JsonValue::asJsonObject).filter(o -> slug.equals(o.getString("alias")))
                .findFirst().orElseThrow(() -> new AssertionError("no organization with alias " + slug + ": " + found));
    }

    private static HttpResponse<String> admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ADMIN + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonValue json(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.uri() + ": " + r.body());
        return Json.createReader(new StringReader(r.body())).readValue();
    }

    private static String serviceAccountToken() throws Exception {
        String form = "grant_type=client_credentials&client_id=safecity-provisioner&client_secret="
                + SystemTestSupport.enc(provisionerSecret());
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/safecity/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "service account token: " + r.body());
        return Json.createReader(new StringReader(r.body())).readObject().getString("access_token");
    }

    /** The secret of client safecity-provisioner in the realm file that ./safecity imports. */
    private static String provisionerSecret() throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path realm = root.resolve("keycloak/safecity-realm.json");
        if (!Files.exists(realm)) {
            realm = root.getParent().resolve("keycloak/safecity-realm.json");
        }
        JsonObject r = Json.createReader(new StringReader(Files.readString(realm))).readObject();
        return r.getJsonArray("clients").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("clientId").equals("safecity-provisioner")).findFirst().orElseThrow()
                .getString("secret");
    }

    private static List<String> cityGroups(String accessToken) {
        String payload = accessToken.split("\\.")[1];
        JsonObject claims = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(payload),
                StandardCharsets.UTF_8))).readObject();
        return claims.containsKey("city_groups") ? strings(claims.getJsonArray("city_groups")) : List.of();
    }

    private static List<String> strings(JsonArray a) {
        return a.stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }
}
