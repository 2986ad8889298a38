package cz.safecity.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrackingLinksTest {

    @Test
    void randomSecretsAreLongAndDistinct() {
        String a = TrackingLinks.random();
        assertEquals(43, a.length());
        assertTrue(TrackingLinks.wellFormed(a));
        assertNotEquals(a, TrackingLinks.random());
    }

    @Test
    void idempotentSecretsRepeatPerCityAndKey() {
        TrackingLinks t = new TrackingLinks();
        t.serverKey = "k";
        assertEquals(t.forIdempotencyKey("praha", "abc"), t.forIdempotencyKey("praha", "abc"));
        assertNotEquals(t.forIdempotencyKey("praha", "abc"), t.forIdempotencyKey("plzen", "abc"));
        assertTrue(TrackingLinks.wellFormed(t.forIdempotencyKey("praha", "abc")));
    }

    @Test
    void idempotentSecretsAreTheHmacOfCityAndKey() {
        TrackingLinks t = new TrackingLinks();
        t.serverKey = "k";
        assertEquals(TrackingLinks.derive("k", "praha\nabc"), t.forIdempotencyKey("praha", "abc"),
                "the cloned prototype gives what a fresh Mac gives");
        assertEquals(TrackingLinks.derive("k", "brno\nx"), t.forIdempotencyKey("brno", "x"));
    }

    @Test
    void hashIsHexSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TrackingLinks.hash("abc"));
        assertFalse(TrackingLinks.wellFormed("short"));
        assertFalse(TrackingLinks.wellFormed("<script>alert(1)</script>xxxxxxxxxxxxxxxxxxxx"));
    }
}
