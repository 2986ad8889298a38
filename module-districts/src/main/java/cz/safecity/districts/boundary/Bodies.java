package cz.safecity.districts.boundary;

import cz.safecity.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Request bodies arrive as text and are parsed here, so that anything but a JSON object (an array, a number,
 * malformed JSON, nothing) is a 400 naming {@code body} rather than a failed method invocation.
 */
final class Bodies {

    private Bodies() {
    }

    /** @throws ProblemException 400 naming {@code body} when the text is not one JSON object */
    static JsonObject object(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            JsonValue v = r.readValue();
            if (v instanceof JsonObject o) {
                return o;
            }
            throw ProblemException.invalid("body", "must be a JSON object, not " + v.getValueType()
                    .name().toLowerCase(java.util.Locale.ROOT));
        } catch (ProblemException e) {
            throw e;
        } catch (JsonException | IllegalStateException e) {
            throw ProblemException.invalid("body", "not valid JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            // Parsson refuses input nested deeper than jakarta.json.stream.maxDepth (1,000) with a bare
            // RuntimeException ("Input is too deeply nested 1,000")
            throw ProblemException.invalid("body", "not acceptable JSON: " + e.getMessage());
        }
    }
}
