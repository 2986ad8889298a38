package cz.safecity.system;

import static cz.safecity.system.SystemTestSupport.BASE;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations of the deployed {@code /openapi} document (as JSON), for tests generated from it: a new module's
 * endpoints are covered the day they land.
 */
final class DeployedApi {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /**
     * One operation.
     *
     * @param roles        the roles of its {@code security} requirement; empty when it declares none (public)
     * @param pathParams   names of its path parameters, in order
     * @param queryParams  names of its query parameters
     * @param bodyTypes    media types of its request body (empty: no body)
     */
    record Operation(String method, String path, String operationId, List<String> roles, List<String> pathParams,
                     List<String> queryParams, List<String> bodyTypes, JsonObject raw) {

        boolean write() {
            return !method.equals("GET");
        }

        /** The path with each {@code {name}} replaced by {@code values.get(name)} (already encoded). */
        String path(Map<String, String> values) {
            Matcher m = PARAM.matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "1")));
            }
            m.appendTail(out);
            return out.toString();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private DeployedApi() {
    }

    static JsonObject document() {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build().send(
                    HttpRequest.newBuilder(URI.create(BASE + "/openapi")).header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("/openapi answered " + r.statusCode());
            }
            return Json.createReader(new StringReader(r.body())).readObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("platform not reachable at " + BASE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Operation> operations() {
        return operations(document());
    }

    static List<Operation> operations(JsonObject doc) {
        List<Operation> out = new ArrayList<>();
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : paths.keySet()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.keySet()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                JsonObject op = item.getJsonObject(method);
                List<String> roles = new ArrayList<>();
                if (op.containsKey("security")) {
                    for (JsonValue req : op.getJsonArray("security")) {
                        req.asJsonObject().values().forEach(v -> v.asJsonArray()
                                .forEach(r -> roles.add(((jakarta.json.JsonString) r).getString())));
                    }
                }
                List<String> pathParams = new ArrayList<>();
                Matcher m = PARAM.matcher(path);
                while (m.find()) {
                    pathParams.add(m.group(1));
                }
                List<String> query = new ArrayList<>();
                JsonArray params = op.containsKey("parameters") ? op.getJsonArray("parameters")
                        : item.containsKey("parameters") ? item.getJsonArray("parameters") : JsonValue.EMPTY_JSON_ARRAY;
                for (JsonValue p : params) {
                    if ("query".equals(p.asJsonObject().getString("in", ""))) {
                        query.add(p.asJsonObject().getString("name"));
                    }
                }
                List<String> bodyTypes = op.containsKey("requestBody")
                        && op.getJsonObject("requestBody").containsKey("content")
                        ? new ArrayList<>(op.getJsonObject("requestBody").getJsonObject("content").keySet())
                        : List.of();
                out.add(new Operation(method.toUpperCase(), path, op.getString("operationId", ""), roles,
                        pathParams, query, bodyTypes, op));
            }
        }
        return out;
    }
}
