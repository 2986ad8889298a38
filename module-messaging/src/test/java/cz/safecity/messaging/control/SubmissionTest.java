package cz.safecity.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SubmissionTest {

    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    static ProblemException fails(String s) {
        return assertThrows(ProblemException.class, () -> Submission.parse(json(s), "cs"));
    }

    @Test
    void textIsKeptExactlyAsTyped() {
        String text = "  <script>alert('x')</script> & \"Žluťoučký kůň\"\r\n  ";
        JsonObject o = Json.createObjectBuilder().add("category", "noise").add("text", text).add("district", "P1-01")
                .add("consent", true).build();
        Submission s = Submission.parse(o, "cs");
        assertEquals(text, s.text());
        assertEquals("cs", s.locale());
        assertFalse(s.toLeadership());
    }

    @Test
    void limitsNameTheFieldAndTheLimit() {
        ProblemException empty = fails("{\"category\":\"noise\",\"text\":\"   \",\"district\":\"A\",\"consent\":true}");
        assertEquals(422, empty.status());
        assertEquals("text", empty.field());
        ProblemException longer = fails("{\"category\":\"noise\",\"text\":\"" + "ř".repeat(4001)
                + "\",\"district\":\"A\",\"consent\":true}");
        assertEquals(422, longer.status());
        assertEquals(4000, longer.extensions().get("limit"));
        // 4000 characters outside the BMP are 8000 UTF-16 units, still within the limit
        String emoji = "😀".repeat(4000);
        assertEquals(emoji, Submission.parse(json("{\"category\":\"noise\",\"text\":\"" + emoji
                + "\",\"district\":\"A\",\"consent\":true}"), "cs").text());
    }

    @Test
    void shapesAndAddressees() {
        assertEquals("location.lat", fails("{\"category\":\"x\",\"text\":\"t\",\"location\":{\"lat\":91,\"lon\":1},"
                + "\"consent\":true}").field());
        assertEquals("category", fails("{\"category\":1,\"text\":\"t\",\"consent\":true}").field());
        assertEquals("consent", fails("{\"category\":\"x\",\"text\":\"t\",\"district\":\"A\"}").field());
        assertEquals("location", fails("{\"category\":\"x\",\"text\":\"t\",\"consent\":true}").field());
        assertEquals("contact.email", fails("{\"category\":\"x\",\"text\":\"t\",\"district\":\"A\",\"consent\":true,"
                + "\"contact\":{\"email\":\"nope\"}}").field());
        Submission lead = Submission.parse(json("{\"category\":\"x\",\"text\":\"t\",\"to\":\"leadership\","
                + "\"consent\":true,\"locale\":\"en\"}"), "cs");
        assertTrue(lead.toLeadership());
        assertEquals("en", lead.locale());
        assertNull(lead.email());
    }

    @Test
    void fingerprintTellsARetryFromAnotherMessage() {
        JsonObject o = Json.createObjectBuilder().add("category", "noise").add("text", "Hluk v noci")
                .add("district", "P1-01").add("consent", true).build();
        JsonObject other = Json.createObjectBuilder().add("category", "noise").add("text", "Hluk ve dne")
                .add("district", "P1-01").add("consent", true).build();
        assertEquals(Submission.parse(o, "cs").fingerprint(), Submission.parse(o, "en").fingerprint());
        org.junit.jupiter.api.Assertions.assertNotEquals(Submission.parse(o, "cs").fingerprint(),
                Submission.parse(other, "cs").fingerprint());
    }
}
