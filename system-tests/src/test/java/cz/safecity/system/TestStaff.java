package cz.safecity.system;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Test persons in Keycloak holding roles in a test city: {@link #person} makes a user (password
 * {@link SystemTestSupport#PASSWORD}) through Keycloak's admin API as the provisioner's service account, and gives
 * them city roles through the platform ({@code PUT /api/cities/{city}/staff/{username}/roles}); then
 * {@code SystemTestSupport.token(username)} works. The persons are deleted after the test class by
 * {@link OffboardCreatedCities}.
 */
public final class TestStaff {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private static final String ADMIN = SystemTestSupport.KEYCLOAK + "/admin/realms/safecity";
    private static final Queue<String> CREATED = new ConcurrentLinkedQueue<>();

    private TestStaff() {
    }

    /**
     * A new person with {@code roles} (e.g. {@code city-admin}, {@code constable}) in {@code city}; returns the
     * username.
     */
    public static String person(String city, String... roles) {
        String username = "t-staff-" + UUID.randomUUID().toString().substring(0, 8);
        String user = Json.createObjectBuilder().add("username", username).add("enabled", true)
                .add("firstName", "Test").add("lastName", "Staff " + username.substring(8))
                .add("email", username + "@example.org").add("emailVerified", true)
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "password")
                        .add("value", SystemTestSupport.PASSWORD).add("temporary", false))).build().toString();
        HttpResponse<String> r = admin("POST", "/users", user);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("could not create test person: " + r.statusCode() + " " + r.body());
        }
        String location = r.headers().firstValue("Location").orElseThrow();
        CREATED.add(location.substring(location.lastIndexOf('/') + 1));
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String role : roles) {
            list.add(role);
        }
        SystemTestSupport.Reply set = SystemTestSupport.put("/api/cities/" + city + "/staff/" + username + "/roles",
                "platform-admin", Json.createObjectBuilder().add("roles", list).build().toString());
        if (set.status() != 200) {
            throw new IllegalStateException("could not give " + username + " roles in " + city + ": " + set);
        }
        return username;
    }

    /** Deletes the persons made so far (after a class). */
    static List<String> deleteCreated() {
        List<String> failures = new ArrayList<>();
        for (String id; (id = CREATED.poll()) != null; ) {
            HttpResponse<String> r = admin("DELETE", "/users/" + id, null);
            if (r.statusCode() != 204 && r.statusCode() != 404) {
                failures.add("test person " + id + ": " + r.statusCode());
            }
        }
        return failures;
    }

    private static HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ADMIN + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + serviceAccountToken());
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String serviceAccountToken() {
        String form = "grant_type=client_credentials&client_id=safecity-provisioner&client_secret="
                + SystemTestSupport.enc(provisionerSecret());
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                            URI.create(SystemTestSupport.KEYCLOAK + "/realms/safecity/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("service account token: " + r.statusCode() + " " + r.body());
            }
            return Json.createReader(new StringReader(r.body())).readObject().getString("access_token");
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The secret of client safecity-provisioner in the realm file that ./safecity imports. */
    private static String provisionerSecret() {
        try {
            Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
            Path realm = root.resolve("keycloak/safecity-realm.json");
            if (!Files.exists(realm)) {
                realm = root.getParent().resolve("keycloak/safecity-realm.json");
            }
            JsonObject r = Json.createReader(new StringReader(Files.readString(realm))).readObject();
            return r.getJsonArray("clients").stream().map(JsonValue::asJsonObject)
                    .filter(c -> c.getString("clientId").equals("safecity-provisioner")).findFirst().orElseThrow()
                    .getString("secret");
        } catch (IOException e) {
            throw new IllegalStateException("realm file not found", e);
        }
    }
}
