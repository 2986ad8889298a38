package cz.safecity.events.control;

import cz.safecity.platform.cache.ReadCache;
import cz.safecity.platform.cache.ReadCaches;
import cz.safecity.platform.tenant.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Short-lived read cache of the module's hot public answers — a body's occurrences in a window and the iCalendar
 * feeds — keyed by city ({@link ReadCaches}: Caffeine, expire after write {@code safecity.cache.ttl}, default 2 s).
 * Every write of the module in a city ({@link #changed}) forgets that city's entries now and again when its
 * transaction ends, so this instance sees its writes at once; another instance within the time to live. Values are
 * immutable (records, lists from {@code toList()}, strings).
 */
@ApplicationScoped
public class EventsCache {

    /** Most answers kept. */
    static final long MAX_CACHED = 20_000;

    /**
     * A cached answer.
     *
     * @param city  the city's slug
     * @param what  e.g. {@code occurrences}, {@code body.ics}, {@code city.ics}
     * @param id    body id, or 0
     * @param extra anything else the answer depends on (window, district), or ""
     */
    public record Key(String city, String what, long id, String extra) {
    }

    @Inject
    ReadCaches caches;

    private ReadCache<Key, Object> answers;

    @PostConstruct
    void init() {
        answers = caches.create("events-answers", MAX_CACHED);
    }

    /** The cached answer of {@code key}, or {@code loader}'s (exceptions propagate, nothing is kept). */
    @SuppressWarnings("unchecked")
    public <T> T get(Key key, Supplier<T> loader) {
        return (T) answers.get(key, k -> loader.get());
    }

    /** Forgets every answer of {@code city} now and when the current transaction ends. */
    public void changed(TenantId city) {
        String slug = city.slug();
        caches.afterWrite(() -> answers.invalidateIf(k -> k.city().equals(slug)));
    }
}
