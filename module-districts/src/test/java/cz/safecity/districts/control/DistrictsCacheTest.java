package cz.safecity.districts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cz.safecity.districts.entity.Borough;
import cz.safecity.districts.entity.BoroughRef;
import cz.safecity.districts.entity.BoundaryRef;
import cz.safecity.platform.cache.ReadCaches;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link DistrictsCache}: what the locate and card reads take from memory, and how this instance's writes make the
 * next read load again — per city, at once (a long time to live, so only invalidation can explain a reload).
 */
class DistrictsCacheTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);

    private final AtomicInteger loads = new AtomicInteger();

    private static DistrictsCache cache(TenantContext tenant) {
        DistrictsCache c = new DistrictsCache();
        c.caches = ReadCaches.of(Duration.ofMinutes(10));
        c.tenant = tenant;
        c.init();
        return c;
    }

    private static TenantContext in(String slug) {
        TenantContext t = new TenantContext();
        t.enter(new Tenant(new TenantId(slug), slug, ZoneId.of("Europe/Prague"), List.of(Locale.forLanguageTag("cs")),
                null, null, Instant.EPOCH, "test"));
        return t;
    }

    /** One cache (one instance) used by requests of two cities: each call enters its city first. */
    private record TwoCities(DistrictsCache cache, TenantContext inPraha, TenantContext inPlzen) {

        DistrictsCache praha() {
            cache.tenant = inPraha;
            return cache;
        }

        DistrictsCache plzen() {
            cache.tenant = inPlzen;
            return cache;
        }
    }

    private static TwoCities twoCities() {
        return new TwoCities(cache(in("praha")), in("praha"), in("plzen"));
    }

    private List<BoundaryRef> versions() {
        int n = loads.incrementAndGet();
        return List.of(new BoundaryRef(n, n, LocalDate.of(2024, 1, 1), false, "import"));
    }

    /** The parts of a whole city as one load answers them: district 1-8 has a member {@code what}. */
    private DistrictsCache.CityCardParts parts(String what) {
        loads.incrementAndGet();
        return new DistrictsCache.CityCardParts(new HashMap<>(Map.of("1-8", new DistrictsCache.CardParts(
                List.of(what), List.of(), new ArrayList<>(List.of("advice", "city-wide"))))),
                new DistrictsCache.CardParts(List.of(), List.of(), List.of("city-wide")));
    }

    @Test
    void versionsAreLoadedOnceAndAgainAfterABoundaryWrite() {
        TwoCities c = twoCities();
        assertEquals(1, c.praha().versions(this::versions).get(0).id());
        assertEquals(1, c.praha().versions(this::versions).get(0).id());
        assertEquals(2, c.plzen().versions(this::versions).get(0).id(), "the key is the request's city");

        c.praha().boundariesChanged();
        assertEquals(3, c.praha().versions(this::versions).get(0).id(), "seen at once by the next read");
        assertEquals(2, c.plzen().versions(this::versions).get(0).id(), "another city's entry stays");
    }

    @Test
    void boroughsAreMappedToImmutableRefsAndForgottenOnBoroughWrites() throws Exception {
        DistrictsCache c = cache(in("praha"));
        Borough one = new Borough("borough", "1", "Praha 1", null, null);
        var id = Borough.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(one, 7L);
        assertEquals(new BoroughRef("1", "Praha 1", "borough"), c.boroughs(() -> {
            loads.incrementAndGet();
            return List.of(one);
        }).get(7L));
        c.boroughs(List::of);
        assertEquals(1, loads.get());
        assertThrows(UnsupportedOperationException.class, () -> c.boroughs(List::of).clear());

        c.boroughsChanged();
        assertEquals(null, c.boroughs(List::of).get(7L));
    }

    @Test
    void cardPartsOfAWholeCityAreKeyedByVersionDayAndLocaleAndForgottenPerCity() {
        TwoCities c = twoCities();
        DistrictsCache.CardParts first = c.praha().cardParts(1, "1-8", DAY, "cs", () -> parts("a"));
        assertEquals(List.of("a"), first.workingGroup());
        assertSame(first, c.praha().cardParts(1, "1-8", DAY, "cs", () -> parts("b")));
        assertEquals(List.of("city-wide"), c.praha().cardParts(1, "2-1", DAY, "cs", () -> parts("b"))
                .recommendations(), "another district of the same load: no load of its own");
        assertEquals(1, loads.get());
        c.praha().cardParts(1, "1-8", DAY, "en", () -> parts("c"));
        c.praha().cardParts(1, "1-8", DAY.plusDays(1), "cs", () -> parts("d"));
        c.praha().cardParts(2, "1-8", DAY, "cs", () -> parts("e"));
        c.plzen().cardParts(1, "1-8", DAY, "cs", () -> parts("f"));
        assertEquals(5, loads.get());
        assertThrows(UnsupportedOperationException.class, () -> first.recommendations().clear());

        c.praha().cardPartsChanged();
        assertEquals(List.of("g"), c.praha().cardParts(1, "1-8", DAY, "cs", () -> parts("g")).workingGroup());
        assertEquals(List.of("f"), c.plzen().cardParts(1, "1-8", DAY, "cs", () -> parts("h")).workingGroup());

        c.praha().boundariesChanged();
        assertEquals(List.of("i"), c.praha().cardParts(1, "1-8", DAY, "cs", () -> parts("i")).workingGroup());
    }

    @Test
    void aLoadRacingACardPartWriteDoesNotOutliveIt() throws Exception {
        DistrictsCache c = cache(in("praha"));
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        CompletableFuture<DistrictsCache.CardParts> slow = CompletableFuture.supplyAsync(() ->
                c.cardParts(1, "1-8", DAY, "cs", () -> {
                    loading.countDown(); // read the old rows ...
                    await(written);      // ... and store them only after the write
                    return parts("old");
                }));
        await(loading);
        c.cardPartsChanged();
        written.countDown();
        assertEquals(List.of("old"), slow.get(30, TimeUnit.SECONDS).workingGroup(), "the racing read answers");
        assertEquals(List.of("new"), c.cardParts(1, "1-8", DAY, "cs", () -> parts("new")).workingGroup(),
                "but the next read loads again");
    }

    @Test
    void renderedCardsAreKeptWhileThePartsBoroughsAndIndexAreTheSame() {
        DistrictsCache c = cache(in("praha"));
        AtomicInteger renders = new AtomicInteger();
        Object index = new Object();
        Map<Long, BoroughRef> boroughs = Map.of(7L, new BoroughRef("1", "Praha 1", "borough"));
        java.util.function.Function<DistrictsCache.CityCardParts, byte[]> card = parts -> parts.rendered()
                .card("1-8", false, Map.copyOf(boroughs), index, () -> new byte[] {(byte) renders.incrementAndGet()});
        DistrictsCache.CityCardParts first = c.cityCardParts(1, DAY, "cs", () -> parts("a"));
        assertEquals(1, card.apply(first)[0]);
        assertEquals(1, card.apply(first)[0], "rendered once (equal boroughs, same index)");
        assertEquals(2, first.rendered().card("1-8", true, boroughs, index, () -> new byte[] {2})[0],
                "with geometry: a card of its own");

        c.cardPartsChanged(); // a reload with the same content (as after the time to live) keeps the rendered cards
        DistrictsCache.CityCardParts again = c.cityCardParts(1, DAY, "cs", () -> parts("a"));
        assertSame(first, again);
        assertEquals(1, card.apply(again)[0]);

        c.cardPartsChanged(); // other content: rendered again
        DistrictsCache.CityCardParts changed = c.cityCardParts(1, DAY, "cs", () -> parts("b"));
        assertEquals(List.of("b"), changed.of("1-8").workingGroup());
        assertEquals(2, card.apply(changed)[0]);
        assertEquals(3, changed.rendered().card("1-8", false, Map.of(), index, () -> new byte[] {3})[0],
                "other boroughs: rendered again");
        assertEquals(4, changed.rendered().card("1-8", false, Map.of(), new Object(), () -> new byte[] {4})[0],
                "another version index: rendered again");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
