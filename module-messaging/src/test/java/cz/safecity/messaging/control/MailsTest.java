package cz.safecity.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailsTest {

    @Test
    void fillsPlaceholdersAndKeepsTextAsTyped() {
        Mails.Mail m = Mails.render("reply", "cs", Map.of("id", "7", "author", "Jana Nováková", "role", "constable",
                "text", "<b>Díky</b> & {id}", "city", "Praha"));
        assertEquals("Odpověď na vaši zprávu č. 7", m.subject());
        assertTrue(m.body().contains("<b>Díky</b> & {id}"), m.body());

    }

    @Test
    void englishAndUnknownPlaceholdersStay() {
        Mails.Mail m = Mails.render("confirmation", "en", Map.of("id", "1"));
        assertEquals("Your message no. 1 was received", m.subject());
        assertTrue(m.body().contains("{link}"));
    }
}
