package cz.safecity.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * One in-memory cache of read-mostly data (Caffeine): an entry is loaded on first use and kept for the time to
 * live after it was loaded (expire after write), so that a change made by another instance is seen within that
 * time; changes made by this instance invalidate the entries they affect (see {@link ReadCaches#afterWrite}).
 * Bounded in size (least recently/frequently used entries go first).
 *
 * <p>Refresh ahead: the first read of an entry older than half the time to live loads it again on its own thread,
 * while concurrent reads keep answering the current value; an entry nobody read in the second half of its time to
 * live expires as before, and the next read loads it (concurrent reads of that key wait for that one load). So a
 * busy key is never older than the time to live and its reloads do not stall every request that needs it (before,
 * all request threads of a busy key waited for each reload, once per time to live). A refresh that ends after the
 * entry was invalidated (or replaced) is answered to its reader but not kept.
 *
 * <p>Rules for callers: keys of city data include the city (taken from the request's {@code TenantContext}, never
 * from input); values are immutable (records, unmodifiable collections) and never JPA-managed entities, since they
 * are shared by concurrent requests. A time to live of zero turns the cache off (every call loads).
 *
 * @param <K> key (a record or string: equals/hashCode)
 * @param <V> value (immutable; use {@code Optional} to cache "none")
 */
public final class ReadCache<K, V> {

    /** A cached value, when its load started (ticker nanoseconds), and whether a reader is loading it again. */
    private static final class Loaded<V> {
        final V value;
        final long loadedAt;
        final AtomicBoolean refreshing = new AtomicBoolean();

        Loaded(V value, long loadedAt) {
            this.value = Objects.requireNonNull(value, "loader answered null");
            this.loadedAt = loadedAt;
        }
        // identity equality: Map.replace(key, this, fresh) replaces exactly this entry
    }

    private final String name;
    private final Cache<K, Loaded<V>> cache;
    private final LongSupplier ticker;
    private final long refreshAfterNanos;

    private ReadCache(String name, Cache<K, Loaded<V>> cache, LongSupplier ticker, long refreshAfterNanos) {
        this.name = name;
        this.cache = cache;
        this.ticker = ticker;
        this.refreshAfterNanos = refreshAfterNanos;
    }

    /**
     * A new cache.
     *
     * @param name        for diagnostics
     * @param ttl         time to live after loading; zero (or negative) = no caching
     * @param maximumSize most entries kept
     */
    public static <K, V> ReadCache<K, V> create(String name, Duration ttl, long maximumSize) {
        return create(name, ttl, maximumSize, null);
    }

    /**
     * As {@link #create(String, Duration, long)}, with the clock that expiry reads (nanoseconds, like
     * {@link System#nanoTime()}), so that tests can let time pass without waiting; null = the system clock.
     */
    public static <K, V> ReadCache<K, V> create(String name, Duration ttl, long maximumSize, LongSupplier nanos) {
        if (ttl.isZero() || ttl.isNegative()) {
            return new ReadCache<>(name, null, null, 0);
        }
        // maintenance (expiry, eviction) runs on the calling thread: no unmanaged threads in the application server
        Caffeine<Object, Object> builder = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize)
                .executor(Runnable::run);
        if (nanos != null) {
            builder.ticker(nanos::getAsLong);
        }
        return new ReadCache<>(name, builder.build(), nanos != null ? nanos : System::nanoTime, ttl.toNanos() / 2);
    }

    /**
     * The cached value of {@code key}, or {@code loader}'s (then kept for the time to live). Concurrent calls for one
     * key load once; an exception of the loader propagates and nothing is kept. The loader must not use this cache.
     *
     * @throws NullPointerException when the loader answers null (cache "none" as an empty {@code Optional})
     */
    public V get(K key, Function<? super K, ? extends V> loader) {
        if (cache == null) {
            return Objects.requireNonNull(loader.apply(key), "loader answered null");
        }
        Loaded<V> current = cache.get(key, k -> load(k, loader));
        if (ticker.getAsLong() - current.loadedAt < refreshAfterNanos
                || !current.refreshing.compareAndSet(false, true)) {
            return current.value;
        }
        // past half its time to live: this reader loads it again, the others keep answering the current value
        Loaded<V> fresh;
        try {
            fresh = load(key, loader);
        } catch (RuntimeException | Error e) {
            current.refreshing.set(false); // a later reader tries again (until the entry expires)
            throw e;
        }
        cache.asMap().replace(key, current, fresh); // not when invalidated or replaced meanwhile
        return fresh.value;
    }

    private Loaded<V> load(K key, Function<? super K, ? extends V> loader) {
        long started = ticker.getAsLong();
        return new Loaded<>(loader.apply(key), started);
    }

    /** Forgets {@code key}: the next {@link #get} loads it again (waits for a load of it in progress). */
    public void invalidate(K key) {
        if (cache != null) {
            cache.invalidate(key);
        }
    }

    /**
     * Forgets every key that matches, e.g. all keys of one city. Unlike {@link #invalidate}, a load in progress for a
     * matching key is not waited for: where a load racing a write must not survive it, put a generation number in the
     * key and advance it on writes.
     */
    public void invalidateIf(Predicate<? super K> which) {
        if (cache != null) {
            cache.asMap().keySet().removeIf(which);
        }
    }

    /** Forgets everything. */
    public void invalidateAll() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    /** Approximate number of entries (0 when caching is off). */
    public long size() {
        return cache == null ? 0 : cache.estimatedSize();
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "ReadCache[" + name + ", " + size() + " entries" + (cache == null ? ", off" : "") + "]";
    }
}
