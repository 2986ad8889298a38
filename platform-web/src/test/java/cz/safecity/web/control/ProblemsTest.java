package cz.safecity.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cz.safecity.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void rendersRfc9457MembersAndExtensions() {
        ProblemException p = ProblemException.unprocessable("Invalid boundaries", "2 features are invalid",
                List.of(Map.of("index", 3, "reason", "self-intersection")));
        var response = Problems.of(p);
        assertEquals(422, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        JsonObject body = Json.createReader(new StringReader((String) response.getEntity())).readObject();
        assertEquals("https://safecity.cz/problems/unprocessable", body.getString("type"));
        assertEquals(422, body.getInt("status"));
        assertEquals(3, body.getJsonArray("errors").getJsonObject(0).getInt("index"));
    }

    @Test
    void invalidInputNamesTheField() {
        JsonObject body = Json.createReader(new StringReader(
                (String) Problems.of(ProblemException.invalid("lat", "must be between -90 and 90")).getEntity()))
                .readObject();
        assertEquals("lat", body.getString("field"));
        assertEquals(400, body.getInt("status"));
    }
}
