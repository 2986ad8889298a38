package cz.safecity.districts.boundary;

import cz.safecity.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** Parses optional request bodies that arrive as text (so that "no body" is allowed). */
final class Bodies {

    private Bodies() {
    }

    /** @throws ProblemException 400 naming {@code body} when the text is not a JSON object */
    static JsonObject object(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ProblemException.invalid("body", "not a JSON object");
        }
    }
}
