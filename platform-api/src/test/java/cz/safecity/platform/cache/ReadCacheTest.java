package cz.safecity.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link ReadCache} and {@link ReadCaches}: load once, invalidation, expiry on a test clock, caching off. */
class ReadCacheTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void loadsOnceUntilInvalidated() {
        ReadCache<String, String> cache = ReadCache.create("t", Duration.ofSeconds(2), 100, clock::get);
        assertEquals("a#1", cache.get("a", this::load));
        assertEquals("a#1", cache.get("a", this::load));
        assertEquals("b#2", cache.get("b", this::load));
        cache.invalidate("a");
        assertEquals("a#3", cache.get("a", this::load));
        assertEquals("b#2", cache.get("b", this::load), "other keys stay");
    }

    @Test
    void invalidatesByPredicate() {
        ReadCache<String, String> cache = ReadCache.create("t", Duration.ofSeconds(2), 100, clock::get);
        cache.get("praha/1", this::load);
        cache.get("praha/2", this::load);
        cache.get("plzen/1", this::load);
        cache.invalidateIf(k -> k.startsWith("praha/"));
        assertEquals("praha/1#4", cache.get("praha/1", this::load));
        assertEquals("plzen/1#3", cache.get("plzen/1", this::load));
    }

    @Test
    void expiresAfterTheTimeToLiveSinceLoading() {
        ReadCache<String, String> cache = ReadCache.create("t", Duration.ofSeconds(2), 100, clock::get);
        assertEquals("a#1", cache.get("a", this::load));
        clock.addAndGet(Duration.ofMillis(999).toNanos());
        assertEquals("a#1", cache.get("a", this::load), "read again within half the time to live: cached");
        clock.addAndGet(Duration.ofMillis(1001).toNanos());
        assertEquals("a#2", cache.get("a", this::load), "nobody read it in the second half: expired 2 s after loading");
    }

    @Test
    void aReadAfterHalfTheTimeToLiveLoadsAgainWhileTheOthersKeepTheCurrentValue() throws Exception {
        ReadCache<String, String> cache = ReadCache.create("t", Duration.ofSeconds(2), 100, clock::get);
        assertEquals("a#1", cache.get("a", this::load));
        clock.addAndGet(Duration.ofMillis(1000).toNanos());
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> refresher = CompletableFuture.supplyAsync(() -> cache.get("a", k -> {
            loading.countDown();
            await(release);
            return load(k);
        }));
        await(loading);
        assertEquals("a#1", cache.get("a", this::load), "while one reader reloads, the others do not wait");
        release.countDown();
        assertEquals("a#2", refresher.get(30, TimeUnit.SECONDS));
        assertEquals("a#2", cache.get("a", this::load), "then everybody gets the new value");
        assertEquals(2, loads.get());
        clock.addAndGet(Duration.ofMillis(1999).toNanos());
        assertEquals("a#3", cache.get("a", this::load), "kept 2 s after the reload at most, reloaded after 1 s");
    }

    @Test
    void aReloadEndingAfterAnInvalidationIsNotKept() throws Exception {
        ReadCache<String, String> cache = ReadCache.create("t", Duration.ofSeconds(2), 100, clock::get);
        cache.get("a", this::load);
        clock.addAndGet(Duration.ofMillis(1500).toNanos());
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        CompletableFuture<String> refresher = CompletableFuture.supplyAsync(() -> cache.get("a", k -> {
            loading.countDown(); // reads the old rows ...
            await(written);      // ... and ends after the write's invalidation
            return "old";
        }));
        await(loading);
        cache.invalidate("a");
        written.countDown();
        assertEquals("old", refresher.get(30, TimeUnit.SECONDS), "the racing reader gets what it read");
        assertEquals("a#2", cache.get("a", this::load), "but the next read loads again");
    }

    @Test
    void aFailedReloadLetsTheNextReaderTryAgain() {
        ReadCache<String, String> cache = ReadCache.create("t", Duration.ofSeconds(2), 100, clock::get);
        cache.get("a", this::load);
        clock.addAndGet(Duration.ofMillis(1200).toNanos());
        assertThrows(IllegalStateException.class, () -> cache.get("a", k -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals("a#2", cache.get("a", this::load));
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

    @Test
    void cachesNoneAsEmptyOptionalAndRefusesNull() {
        ReadCache<String, Optional<String>> cache = ReadCache.create("t", Duration.ofSeconds(2), 100, clock::get);
        assertEquals(Optional.empty(), cache.get("x", k -> {
            loads.incrementAndGet();
            return Optional.empty();
        }));
        assertEquals(Optional.empty(), cache.get("x", k -> Optional.of("loaded again")));
        assertEquals(1, loads.get());
        assertThrows(NullPointerException.class, () -> cache.get("y", k -> null));
    }

    @Test
    void loaderFailureKeepsNothing() {
        ReadCache<String, String> cache = ReadCache.create("t", Duration.ofSeconds(2), 100, clock::get);
        assertThrows(IllegalStateException.class, () -> cache.get("a", k -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals("a#1", cache.get("a", this::load));
    }

    @Test
    void zeroTimeToLiveTurnsCachingOff() {
        ReadCache<String, String> cache = ReadCaches.of(Duration.ZERO).create("t", 100);
        assertEquals("a#1", cache.get("a", this::load));
        assertEquals("a#2", cache.get("a", this::load));
        assertEquals(0, cache.size());
    }

    @Test
    void afterWriteOutsideATransactionInvalidatesAtOnce() {
        ReadCaches caches = ReadCaches.of(Duration.ofMinutes(10), clock::get);
        ReadCache<String, String> cache = caches.create("t", 100);
        cache.get("a", this::load);
        caches.afterWrite(() -> cache.invalidate("a"));
        assertEquals("a#2", cache.get("a", this::load));
    }

    @Test
    void parsesTheConfiguredTimeToLive() {
        assertEquals(Duration.ofSeconds(2), ReadCaches.parse("PT2S"));
        assertEquals(Duration.ofMillis(500), ReadCaches.parse(" PT0.5S "));
        assertEquals(Duration.ZERO, ReadCaches.parse("PT0S"));
        assertEquals(ReadCaches.DEFAULT_TTL, ReadCaches.parse("2 seconds"));
        assertEquals(ReadCaches.DEFAULT_TTL, ReadCaches.parse(null));
    }
}
