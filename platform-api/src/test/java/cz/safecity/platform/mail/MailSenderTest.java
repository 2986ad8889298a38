package cz.safecity.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailSenderTest {

    @Test
    void backoffDoublesFromThirtySecondsUpToTwoHours() {
        assertEquals(Duration.ofSeconds(30), MailSender.backoff(1));
        assertEquals(Duration.ofSeconds(60), MailSender.backoff(2));
        assertEquals(Duration.ofSeconds(120), MailSender.backoff(3));
        assertEquals(Duration.ofHours(2), MailSender.backoff(9));
        assertEquals(Duration.ofHours(2), MailSender.backoff(100));
    }

    @Test
    void attemptsSpanAboutADayBeforeGivingUp() {
        long total = 0;
        for (int a = 1; a < MailSender.MAX_ATTEMPTS; a++) {
            total += MailSender.backoff(a).toSeconds();
        }
        assertEquals(true, total > 6 * 3600 && total < 36 * 3600, "total " + total);
    }
}
