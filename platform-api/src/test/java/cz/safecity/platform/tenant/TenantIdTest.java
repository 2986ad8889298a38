package cz.safecity.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TenantIdTest {

    @Test
    void acceptsCitySlugs() {
        assertEquals("plzen", new TenantId("plzen").slug());
        assertTrue(TenantId.isSlug("usti-nad-labem"));
        assertTrue(TenantId.isSlug("p1"));
    }

    @Test
    void rejectsWhatCannotBeAUrlSegmentOrGroupName() {
        for (String bad : new String[] {"Plzen", "plzeň", "-x", "x-", "a", "a b", "a/b", "", "x".repeat(41)}) {
            assertFalse(TenantId.isSlug(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> new TenantId(bad), bad);
        }
        assertFalse(TenantId.isSlug(null));
    }
}
