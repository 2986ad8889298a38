package cz.safecity.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.DeployedApi.Operation;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The deployed {@code /openapi} is usable by a city's integrator: every operation of every module has a summary, one
 * tag naming its module ({@code platform} or a deployed module's id), and describes its errors (a 4xx response, or a
 * description saying it has none); error answers are documented as {@code application/problem+json}. Swagger UI at
 * {@code /openapi-ui} shows the document.
 */
class OpenApiQualityIT {

    @Test
    void everyOperationHasASummaryATagAndItsErrors() {
        JsonObject doc = DeployedApi.document();
        Set<String> tags = new HashSet<>(Set.of("platform"));
        SystemTestSupport.get("/api/modules", null).array()
                .forEach(m -> tags.add(m.asJsonObject().getString("id")));
        List<String> missing = new ArrayList<>();
        List<Operation> ops = DeployedApi.operations(doc);
        for (Operation op : ops) {
            JsonObject raw = op.raw();
            if (raw.getString("summary", "").isBlank()) {
                missing.add(op + ": no summary");
            }
            List<String> opTags = raw.containsKey("tags")
                    ? raw.getJsonArray("tags").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                    : List.of();
            if (opTags.size() != 1 || !tags.contains(opTags.get(0))) {
                missing.add(op + ": tags " + opTags + " (expected one of " + tags + ")");
            }
            JsonObject responses = raw.getJsonObject("responses");
            boolean errors = responses != null && responses.keySet().stream().anyMatch(k -> k.startsWith("4"));
            if (!errors && !raw.getString("description", "").toLowerCase().contains("error")) {
                missing.add(op + ": no error described (a 4xx response, or 'Errors: none' in the description)");
            }
            if (responses != null) {
                for (String code : responses.keySet()) {
                    JsonObject r = responses.getJsonObject(code);
                    if (code.startsWith("4") && r.containsKey("content")
                            && !r.getJsonObject("content").containsKey("application/problem+json")) {
                        missing.add(op + ": " + code + " not documented as application/problem+json");
                    }
                }
            }
        }
        System.out.println("OpenApiQualityIT: " + ops.size() + " operations, " + missing.size() + " shortcomings");
        assertTrue(missing.isEmpty(), missing.size() + " shortcomings in /openapi:\n  " + String.join("\n  ", missing));
    }

    @Test
    void swaggerUiIsServedAndPointsAtTheDocument() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create(SystemTestSupport.BASE + "/openapi-ui/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("swagger-ui-bundle.js"), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        HttpResponse<String> init = http.send(HttpRequest.newBuilder(
                URI.create(SystemTestSupport.BASE + "/openapi-ui/init.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(init.body().contains("url: \"/openapi\""), init.body());
        HttpResponse<String> bundle = http.send(HttpRequest.newBuilder(
                        URI.create(SystemTestSupport.BASE + "/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bundle.statusCode());
        HttpResponse<String> bare = http.send(HttpRequest.newBuilder(
                URI.create(SystemTestSupport.BASE + "/openapi-ui")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bare.statusCode(), "/openapi-ui without the slash");
    }
}
