package cz.safecity.messaging.boundary;

import cz.safecity.platform.problem.ProblemException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Locale;

/**
 * Request bodies arrive as text and are parsed here, so that anything but a JSON object (an array, a number,
 * malformed JSON, nothing) is a 400 naming {@code body}; and problems that need a header (429 + Retry-After).
 */
final class Bodies {

    /** Largest accepted body (characters): far above 4,000 characters of text in a JSON object. */
    static final int MAX_BODY = 64 * 1024;

    /**
     * The JSON-P provider, looked up once: every {@code Json.createReader}/{@code createObjectBuilder} call looks it up
     * again through the {@code ServiceLoader} and the EAR's class loaders, which cost about half of a submission's
     * CPU time in the resource (JFR, 2026-12-03).
     */
    static final JsonProvider JSON = JsonProvider.provider();

    private Bodies() {
    }

    /** @throws ProblemException 400 naming {@code body} when the text is not one JSON object, 413 when too large */
    static JsonObject object(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        if (text.length() > MAX_BODY) {
            throw new ProblemException(413, "body-too-large", "Body too large", "body: at most " + MAX_BODY
                    + " characters are accepted", "body");
        }
        try (JsonReader r = JSON.createReader(new StringReader(text))) {
            JsonValue v = r.readValue();
            if (v instanceof JsonObject o) {
                return o;
            }
            throw ProblemException.invalid("body", "must be a JSON object, not " + v.getValueType()
                    .name().toLowerCase(Locale.ROOT));
        } catch (JsonException | IllegalStateException e) {
            throw ProblemException.invalid("body", "not valid JSON");
        }
    }

    /** 429 as a problem with {@code Retry-After} (RFC 9110 §10.2.3) in seconds. */
    static Response tooMany(ProblemException p) {
        long seconds = ((Number) p.extensions().getOrDefault("retryAfter", 60L)).longValue();
        String json = JSON.createObjectBuilder().add("type", p.type()).add("title", p.title()).add("status", 429)
                .add("detail", p.detail()).add("retryAfter", seconds).build().toString();
        return Response.status(429).header("Retry-After", seconds)
                .type(MediaType.valueOf("application/problem+json")).entity(json).build();
    }
}
