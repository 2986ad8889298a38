package cz.safecity.platform.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * One in-memory cache of read-mostly data (Caffeine): an entry is loaded on first use and kept for the time to
 * live after it was loaded (expire after write), so that a change made by another instance is seen within that
 * time; changes made by this instance invalidate the entries they affect (see {@link ReadCaches#afterWrite}).
 * Bounded in size (least recently/frequently used entries go first).
 *
 * <p>Rules for callers: keys of city data include the city (taken from the request's {@code TenantContext}, never
 * from input); values are immutable (records, unmodifiable collections) and never JPA-managed entities, since they
 * are shared by concurrent requests. A time to live of zero turns the cache off (every call loads).
 *
 * @param <K> key (a record or string: equals/hashCode)
 * @param <V> value (immutable; use {@code Optional} to cache "none")
 */
public final class ReadCache<K, V> {

    private final String name;
    private final Cache<K, V> cache;

    private ReadCache(String name, Cache<K, V> cache) {
        this.name = name;
        this.cache = cache;
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
            return new ReadCache<>(name, null);
        }
        // maintenance (expiry, eviction) runs on the calling thread: no unmanaged threads in the application server
        Caffeine<Object, Object> builder = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize)
                .executor(Runnable::run);
        if (nanos != null) {
            builder.ticker(nanos::getAsLong);
        }
        return new ReadCache<>(name, builder.build());
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
        V v = cache.get(key, loader);
        return Objects.requireNonNull(v, "loader answered null");
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
