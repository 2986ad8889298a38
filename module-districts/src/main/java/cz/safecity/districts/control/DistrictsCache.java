package cz.safecity.districts.control;

import cz.safecity.districts.entity.Borough;
import cz.safecity.districts.entity.BoroughRef;
import cz.safecity.districts.entity.BoundaryRef;
import cz.safecity.platform.cache.ReadCache;
import cz.safecity.platform.cache.ReadCaches;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What every locate and card read of the current city needs from the database, kept in memory for a short time
 * ({@link ReadCaches}: {@code safecity.cache.ttl}, default 2 s) so that the steady state hits no database: the
 * city's boundary versions (the timeline picks the one in force), its boroughs by id, and the card parts of all its
 * districts per (city, boundary version, day, locale) — loaded for the whole city at once (three queries), since
 * locating random points touches every district within one time to live and per-district entries would reload
 * hundreds of times per period. Keys always carry the city of the request's {@link TenantContext}; values are
 * immutable records and unmodifiable collections, never entities.
 *
 * <p>Writes of this instance call the {@code …Changed()} methods, which forget the current city's entries now and
 * again when the writing transaction completes ({@link ReadCaches#afterWrite}): a read starting after the commit sees
 * the write. Card parts are keyed with a per-city generation that every card-part write advances, so that a load
 * racing the write cannot outlive it either. Other instances sharing the database see a write within the time to
 * live. The spatial indexes themselves are cached by {@link DistrictLocator} under immutable version ids.
 */
@ApplicationScoped
public class DistrictsCache {

    /** Most cities kept for versions and boroughs. */
    static final long MAX_CITIES = 1_000;
    /** Most card-parts entries kept (each a whole city on one day in one locale). */
    static final long MAX_CARDS = 256;

    /** The card parts of one district on one day in one locale, as the card shows them (unmodifiable lists). */
    public record CardParts(List<?> workingGroup, List<?> stations, List<?> recommendations) {

        public CardParts {
            workingGroup = List.copyOf(workingGroup);
            stations = List.copyOf(stations);
            recommendations = List.copyOf(recommendations);
        }
    }

    /**
     * The card parts of all districts of a city on one day in one locale.
     *
     * @param byCode    districts that have any part of their own, by code
     * @param otherwise what every other district shows (the city-wide recommendations only)
     */
    public record CityCardParts(Map<String, CardParts> byCode, CardParts otherwise, RenderedCards rendered) {

        public CityCardParts {
            byCode = Map.copyOf(byCode);
        }

        public CityCardParts(Map<String, CardParts> byCode, CardParts otherwise) {
            this(byCode, otherwise, new RenderedCards());
        }

        /** The parts of district {@code code}. */
        public CardParts of(String code) {
            return byCode.getOrDefault(code, otherwise);
        }
    }

    /**
     * The district cards made from one {@link CityCardParts}, rendered as JSON bytes on first use, so that the hot
     * locate writes a card without running JSON-B. A card also shows the district's version and borough: an entry
     * remembers the version index (immutable) and the boroughs map it was rendered with and is used only with the
     * same index and equal boroughs. The bytes are a function of the parts' content, so parts reloaded after the
     * time to live with equal content keep them ({@link #cityCardParts}). Derived data, not part of the value: every
     * instance equals every other.
     */
    public static final class RenderedCards {

        private record Rendered(Object boroughs, Object index, byte[] json) {
        }

        private final Map<String, Rendered> plain = new ConcurrentHashMap<>();
        private final Map<String, Rendered> withGeometry = new ConcurrentHashMap<>();

        /**
         * The card of district {@code code} as JSON bytes (not to be modified), rendered by {@code render} unless it
         * was rendered before with the same {@code index} instance and equal {@code boroughs}.
         */
        public byte[] card(String code, boolean geometry, Object boroughs, Object index, Supplier<byte[]> render) {
            Map<String, Rendered> cards = geometry ? withGeometry : plain;
            Rendered r = cards.get(code);
            if (r == null || r.index() != index) {
                r = new Rendered(boroughs, index, render.get());
                cards.put(code, r);
            } else if (r.boroughs() != boroughs) { // reloaded after the time to live: the same boroughs, mostly
                r = new Rendered(boroughs, index, r.boroughs().equals(boroughs) ? r.json() : render.get());
                cards.put(code, r);
            }
            return r.json();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RenderedCards;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public String toString() {
            return "RenderedCards[" + plain.size() + " + " + withGeometry.size() + " with geometry]";
        }
    }

    private record CardKey(String city, long generation, long versionId, LocalDate day, String locale) {
    }

    @Inject
    ReadCaches caches;
    @Inject
    TenantContext tenant;

    private ReadCache<String, List<BoundaryRef>> versions;
    private ReadCache<String, Map<Long, BoroughRef>> boroughs;
    private ReadCache<CardKey, CityCardParts> cards;
    private final Map<String, Long> cardGenerations = new ConcurrentHashMap<>();
    /** The card parts each city loaded last: a reload with equal content answers them (and their rendered cards). */
    private final Map<String, CityCardParts> lastCardParts = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        versions = caches.create("districts-versions", MAX_CITIES);
        boroughs = caches.create("districts-boroughs", MAX_CITIES);
        cards = caches.create("districts-card-parts", MAX_CARDS);
    }

    /** The city's boundary versions, oldest first (as {@link BoundaryStore#versions}); {@code load} on a miss. */
    public List<BoundaryRef> versions(Supplier<List<BoundaryRef>> load) {
        return versions.get(city(), c -> List.copyOf(load.get()));
    }

    /** The city's boroughs by id; {@code load} (all boroughs of the city) on a miss. */
    public Map<Long, BoroughRef> boroughs(Supplier<List<Borough>> load) {
        return boroughs.get(city(), c -> {
            Map<Long, BoroughRef> byId = new HashMap<>();
            load.get().forEach(b -> byId.put(b.id(), BoroughRef.of(b)));
            return Map.copyOf(byId);
        });
    }

    /**
     * The card parts of district {@code code} of boundary version {@code versionId} on {@code day} in {@code locale};
     * {@code load} (the parts of all the city's districts on that day in that locale) on a miss.
     */
    public CardParts cardParts(long versionId, String code, LocalDate day, String locale,
                               Supplier<CityCardParts> load) {
        return cityCardParts(versionId, day, locale, load).of(code);
    }

    /**
     * The card parts of every district of boundary version {@code versionId} on {@code day} in {@code locale} (with
     * their rendered cards); {@code load} on a miss.
     */
    public CityCardParts cityCardParts(long versionId, LocalDate day, String locale, Supplier<CityCardParts> load) {
        String city = city();
        CardKey key = new CardKey(city, cardGenerations.getOrDefault(city, 0L), versionId, day, locale);
        return cards.get(key, k -> {
            CityCardParts loaded = load.get();
            CityCardParts last = lastCardParts.get(city);
            if (last != null && last.byCode().equals(loaded.byCode()) && last.otherwise().equals(loaded.otherwise())) {
                return last; // the same content: keep the cards rendered from it
            }
            lastCardParts.put(city, loaded);
            return loaded;
        });
    }

    /** A boundary version was stored in the current city: forget its version list (and card parts). */
    public void boundariesChanged() {
        String city = city();
        caches.afterWrite(() -> {
            versions.invalidate(city);
            forgetCards(city);
        });
    }

    /** Boroughs (or levels) of the current city changed: forget its boroughs. */
    public void boroughsChanged() {
        String city = city();
        caches.afterWrite(() -> boroughs.invalidate(city));
    }

    /** A working group, contact point or recommendation of the current city changed: forget its card parts. */
    public void cardPartsChanged() {
        String city = city();
        caches.afterWrite(() -> forgetCards(city));
    }

    /** Forgets everything (tests, or an operator after manual database edits). */
    public void clear() {
        cardGenerations.replaceAll((city, generation) -> generation + 1);
        versions.invalidateAll();
        boroughs.invalidateAll();
        cards.invalidateAll();
        lastCardParts.clear();
    }

    private void forgetCards(String city) {
        cardGenerations.merge(city, 1L, Long::sum);
        cards.invalidateIf(k -> k.city().equals(city));
    }

    private String city() {
        return tenant.id().slug();
    }
}
