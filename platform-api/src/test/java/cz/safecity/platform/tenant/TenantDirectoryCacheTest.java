package cz.safecity.platform.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.platform.cache.ReadCaches;
import cz.safecity.platform.cache.SharedDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@link TenantDirectory}'s cache of cities by slug. Two directories over one {@link SharedDatabase} stand for two
 * Payara instances; time passes on a test clock.
 */
class TenantDirectoryCacheTest {

    private final SharedDatabase db = new SharedDatabase(row -> ((Tenant) row).slug());
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private TenantDirectory instance(Duration ttl) {
        TenantDirectory d = new TenantDirectory();
        d.em = db.entityManager();
        d.caches = ReadCaches.of(ttl, clock::get);
        d.init();
        return d;
    }

    private static Tenant city(String slug, String name) {
        return new Tenant(new TenantId(slug), name, ZoneId.of("Europe/Prague"),
                List.of(Locale.forLanguageTag("cs"), Locale.forLanguageTag("en")), null, 1000,
                Instant.parse("2026-01-01T00:00:00Z"), "admin");
    }

    @Test
    void aCityAddedIsFoundAtOnceOnTheInstanceThatAddedIt() {
        TenantDirectory directory = instance(Duration.ofMinutes(10));
        assertEquals(Optional.empty(), directory.find("kladno"), "unknown (and cached as unknown)");
        assertThrows(UnknownTenantException.class, () -> directory.require("kladno"));

        directory.add(city("kladno", "Kladno"));
        assertEquals("Kladno", directory.require("kladno").name());
    }

    @Test
    void anotherInstanceFindsItWithinTheTimeToLive() {
        TenantDirectory a = instance(Duration.ofSeconds(2));
        TenantDirectory b = instance(Duration.ofSeconds(2));
        assertTrue(b.find("kladno").isEmpty());
        a.add(city("kladno", "Kladno"));
        assertTrue(b.find("kladno").isEmpty(), "b answers from its cache until the entry expires");
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertEquals("Kladno", b.require("kladno").name());
    }

    @Test
    void callersGetUnmanagedCopiesThatCannotChangeTheCache() {
        db.put(city("praha", "Praha"));
        TenantDirectory directory = instance(Duration.ofSeconds(2));
        Tenant first = directory.require("praha");
        first.rename("Changed by a caller");
        Tenant second = directory.require("praha");
        assertNotSame(first, second);
        assertEquals("Praha", second.name());
        assertEquals(ZoneId.of("Europe/Prague"), second.zone());
        assertEquals(List.of(Locale.forLanguageTag("cs"), Locale.forLanguageTag("en")), second.locales());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), second.createdAt());
    }

    @Test
    void steadyStateReadsNoDatabaseAndMalformedSlugsNone() {
        db.put(city("praha", "Praha"));
        TenantDirectory directory = instance(Duration.ofSeconds(2));
        directory.require("praha");
        int finds = db.finds();
        for (int i = 0; i < 100; i++) {
            directory.require("praha");
            directory.find("Not A Slug!");
        }
        assertEquals(finds, db.finds());
    }
}
