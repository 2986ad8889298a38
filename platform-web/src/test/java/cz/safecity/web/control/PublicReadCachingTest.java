package cz.safecity.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PublicReadCachingTest {

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsListsAndStar() {
        String tag = "W/\"abc\"";
        assertTrue(PublicReadCaching.matches("W/\"abc\"", tag));
        assertTrue(PublicReadCaching.matches("\"abc\"", tag), "weak comparison for GET");
        assertTrue(PublicReadCaching.matches("\"x\", W/\"abc\"", tag));
        assertTrue(PublicReadCaching.matches("*", tag));
        assertFalse(PublicReadCaching.matches("W/\"abd\"", tag));
        assertFalse(PublicReadCaching.matches(null, tag));
    }

    @Test
    void theTagFollowsTheBytes() {
        String a = PublicReadCaching.hash("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals(a, PublicReadCaching.hash("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(a, PublicReadCaching.hash("{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(27, a.length());
    }

    static class WithEntityManager {
        @jakarta.persistence.PersistenceContext
        Object em;
    }

    static class Plain {
        Object nothing;
    }

    static class Inherits extends WithEntityManager {
    }

    @Test
    void eagerCreationPicksBeansWithInjectedResources() {
        assertTrue(EagerResourceBeans.injectsResources(WithEntityManager.class));
        assertTrue(EagerResourceBeans.injectsResources(Inherits.class));
        assertFalse(EagerResourceBeans.injectsResources(Plain.class));
    }
}
