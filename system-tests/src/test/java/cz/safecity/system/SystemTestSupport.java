package cz.safecity.system;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Talks HTTP to the running stack like a client would: real Keycloak tokens (password grant on the test-only
 * client {@code safecity-cli}), JSON via JSON-P. Tests isolate themselves by creating random cities.
 *
 * <p><b>Cities a test creates are offboarded after its class, for free.</b> Every city onboarded through this class
 * ({@link #newCity}, or any {@code POST /api/cities} sent with {@link #post}/{@link #send} that answers 201) is
 * recorded; {@link OffboardCreatedCities}, a JUnit extension registered for every test class by autodetection
 * ({@code META-INF/services/org.junit.jupiter.api.extension.Extension} and {@code junit-platform.properties}),
 * offboards them ({@code DELETE /api/cities/{city}}) when the top-level class has finished and fails the class if
 * one is still listed. A city made some other way can be handed over with {@link #created}.
 */
public final class SystemTestSupport {

    public static final String BASE = System.getProperty("safecity.url", "http://localhost:8080");
    public static final String KEYCLOAK = System.getProperty("keycloak.url", "http://localhost:8180");
    public static final String PASSWORD = "demo";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    /** Cities onboarded by the running test class, offboarded after it by {@link OffboardCreatedCities}. */
    private static final Queue<String> CREATED = new ConcurrentLinkedQueue<>();

    private SystemTestSupport() {
    }

    /** A response with its body as text and helpers to read it as JSON. */
    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonArray array() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        public JsonStructure any() {
            return Json.createReader(new StringReader(body)).read();
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Access token of a demo (or test-created) user; cached for the run (tokens live 5+ minutes). */
    public static String token(String username) {
        return TOKENS.computeIfAbsent(username, u -> fetchToken(u, PASSWORD));
    }

    public static String fetchToken(String username, String password) {
        String form = "grant_type=password&client_id=safecity-cli&username=" + enc(username) + "&password="
                + enc(password) + "&scope=openid";
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                            URI.create(KEYCLOAK + "/realms/safecity/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("no token for " + username + ": " + r.statusCode() + " " + r.body());
            }
            return Json.createReader(new StringReader(r.body())).readObject().getString("access_token");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak not reachable at " + KEYCLOAK + " (run ./safecity up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Reply get(String path, String user) {
        return send(request(path, user).GET());
    }

    public static Reply delete(String path, String user) {
        return send(request(path, user).DELETE());
    }

    public static Reply post(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Reply put(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Any method and body with an explicit content type (e.g. {@code application/geo+json}). */
    public static Reply send(String method, String path, String user, String contentType, String body) {
        HttpRequest.Builder b = request(path, user);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json, application/problem+json, */*");
        if (user != null) {
            b.header("Authorization", "Bearer " + token(user));
        }
        return b;
    }

    private static Reply send(HttpRequest.Builder b) {
        try {
            HttpRequest request = b.build();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201 && "POST".equals(request.method())
                    && request.uri().getPath().equals("/api/cities")) {
                r.headers().firstValue("Location").ifPresent(l -> created(l.substring(l.lastIndexOf('/') + 1)));
            }
            return new Reply(r.statusCode(), r.body(), r);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("platform not reachable at " + BASE + " (run ./safecity up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Records a city the running test class made, so that it is offboarded after the class. */
    public static void created(String slug) {
        if (!CREATED.contains(slug)) {
            CREATED.add(slug);
        }
    }

    /** The cities recorded so far and not yet offboarded; empties the record. */
    static List<String> takeCreated() {
        List<String> out = new ArrayList<>();
        for (String s; (s = CREATED.poll()) != null; ) {
            out.add(s);
        }
        return out;
    }

    /**
     * Offboards a city as {@code platform-admin} ({@code DELETE /api/cities/{city}}); an already gone city (404
     * {@code unknown-city}) is fine. While the shared stack is being redeployed (no problem+json answer, or 5xx) it retries for up
     * to a minute.
     *
     * @throws IllegalStateException with the answer when offboarding fails
     */
    public static void offboard(String slug) {
        Reply r = null;
        for (int attempt = 0; attempt < 12; attempt++) {
            try {
                r = delete("/api/cities/" + slug, "platform-admin");
                if (r.status() == 200 || (r.status() == 404 && r.body().contains("/unknown-city"))) {
                    return;
                }
                if (r.isProblem() && r.status() < 500) {
                    break; // a real refusal (e.g. 409: a module left rows behind): no point in retrying
                }
            } catch (IllegalStateException e) {
                r = null; // not reachable: being restarted
            }
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("could not offboard city " + slug + ": " + r);
    }

    /** A fresh random slug, e.g. {@code t-3fa85f64}. */
    public static String randomSlug() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Onboards a random city as {@code platform-admin} and returns its slug. The city is offboarded after the test
     * class (see the class comment).
     *
     * @param municipalityCode ZÚJ or null
     */
    public static String newCity(String name, String municipalityCode) {
        String slug = randomSlug();
        var body = Json.createObjectBuilder().add("slug", slug).add("name", name);
        if (municipalityCode != null) {
            body.add("municipalityCode", municipalityCode);
        }
        Reply r = post("/api/cities", "platform-admin", body.build().toString());
        if (r.status() != 201) {
            throw new IllegalStateException("could not create city: " + r);
        }
        return slug;
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
