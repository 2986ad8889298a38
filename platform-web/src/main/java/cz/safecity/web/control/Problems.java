package cz.safecity.web.control;

import cz.safecity.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.Map;

/** Builds RFC 9457 {@code application/problem+json} responses. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    private Problems() {
    }

    public static Response of(ProblemException p) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", p.type())
                .add("title", p.title())
                .add("status", p.status());
        if (p.detail() != null) {
            body.add("detail", p.detail());
        }
        if (p.field() != null) {
            body.add("field", p.field());
        }
        p.extensions().forEach((k, v) -> body.add(k, toJson(v)));
        Response.ResponseBuilder r = Response.status(p.status()).type(PROBLEM_JSON).entity(body.build().toString());
        if (p.status() == 401) {
            r.header("WWW-Authenticate", "Bearer realm=\"safecity\"");
        }
        return r.build();
    }

    public static Response of(int status, String type, String title, String detail, String field) {
        return of(new ProblemException(status, type, title, detail, field));
    }

    /** Plain Java values (maps, collections, numbers, strings, booleans, records via toString) to JSON. */
    static JsonValue toJson(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof JsonValue j) {
            return j;
        }
        if (v instanceof Map<?, ?> m) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            m.forEach((k, x) -> b.add(String.valueOf(k), toJson(x)));
            return b.build();
        }
        if (v instanceof Collection<?> c) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            c.forEach(x -> b.add(toJson(x)));
            return b.build();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return Json.createValue(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return Json.createValue(n.doubleValue());
        }
        if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        return Json.createValue(String.valueOf(v));
    }
}
