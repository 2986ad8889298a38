package cz.safecity.districts.control;

import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.entity.BoundaryRef;
import cz.safecity.districts.entity.District;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;

/**
 * Finds the districts of the current city in force on a date, through an in-memory {@link DistrictIndex} per
 * (city, boundary version). Every call picks the version in force ({@link BoundaryTimeline}) from the city's version
 * list (a few rows), which {@link DistrictsCache} keeps for the configured time to live: a version stored on this
 * instance is seen at once, one stored on another instance within the time to live. Versions are immutable, so an
 * index cached under (city, version id) can never be stale. At most {@link #MAX_CACHED} indexes are kept (oldest
 * built evicted first).
 */
@ApplicationScoped
public class DistrictLocator {

    /** Indexes kept in memory (cities × versions in use). */
    static final int MAX_CACHED = 64;

    /**
     * A district as cached for locating and cards.
     *
     * @param wgs84   boundary, WGS84 lon/lat
     * @param geoJson its GeoJSON geometry object, rendered once on first use
     */
    public record Entry(long id, String code, String name, Long boroughId, boolean provisional, double areaM2,
                        Geometry wgs84, Supplier<JsonObject> geoJson) {
    }

    /** The districts of one version: the spatial index and the districts by code. */
    public record VersionIndex(BoundaryRef version, DistrictIndex<Entry> index, SortedMap<String, Entry> byCode) {
    }

    private record Key(String city, long versionId) {
    }

    private static final class Holder {
        private volatile VersionIndex value;

        VersionIndex get(Supplier<VersionIndex> build) {
            VersionIndex v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = build.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }

    private final Map<Key, Holder> cache = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Key> built = new ConcurrentLinkedQueue<>();

    @Inject
    BoundaryStore boundaries;
    @Inject
    TenantContext tenant;
    @Inject
    ModuleRegistry modules;
    @Inject
    DistrictsModule module;
    @Inject
    DistrictsCache cached;

    /** The version in force on {@code at} (city zone), if any. From the cached version list (a query on a miss). */
    public Optional<BoundaryRef> versionAt(LocalDate at) {
        return BoundaryTimeline.at(versions(), at);
    }

    /** The current city's boundary versions (cached; a query on a miss). */
    public List<BoundaryRef> versions() {
        return cached.versions(boundaries::versions);
    }

    /**
     * The districts in force on {@code at}.
     *
     * @throws ProblemException 404 ({@code no-districts}) when the city has no boundaries on that date
     */
    public VersionIndex indexAt(LocalDate at) {
        BoundaryRef v = versionAt(at).orElseThrow(() -> new ProblemException(404, "no-districts",
                "No districts", "City '" + tenant.id().slug() + "' has no district boundaries in force on " + at
                + ".", "at"));
        return index(v);
    }

    /** The (cached) index of a version of the current city. */
    public VersionIndex index(BoundaryRef v) {
        Key key = new Key(tenant.id().slug(), v.id());
        Holder holder = cache.computeIfAbsent(key, k -> new Holder());
        return holder.get(() -> {
            VersionIndex built = build(v);
            remember(key);
            return built;
        });
    }

    /** The city's near-boundary threshold in metres (setting {@code nearBoundaryMetres}, default 25; cached). */
    public int nearBoundaryMetres() {
        Object v = modules.settings(tenant.id(), module).get(DistrictsModule.NEAR_BOUNDARY_METRES);
        return v instanceof Number n ? Math.max(0, n.intValue()) : 25;
    }

    private VersionIndex build(BoundaryRef v) {
        List<District> rows = boundaries.districts(v.id());
        List<DistrictIndex.Item<Entry>> items = new ArrayList<>(rows.size());
        SortedMap<String, Entry> byCode = new TreeMap<>();
        for (District d : rows) {
            Geometry g = d.geometry();
            Entry e = new Entry(d.id(), d.code(), d.name(), d.boroughId(), d.provisional(), d.areaM2(), g,
                    DistrictIndex.lazily(() -> Json.createReader(new StringReader(GeoJsonExport.geometry(g)))
                            .readObject()));
            items.add(new DistrictIndex.Item<>(d.code(), e, g));
            byCode.put(d.code(), e);
        }
        return new VersionIndex(v, DistrictIndex.of(items), Collections.unmodifiableSortedMap(byCode));
    }

    private void remember(Key key) {
        built.add(key);
        while (built.size() > MAX_CACHED) {
            Key oldest = built.poll();
            if (oldest != null) {
                cache.remove(oldest);
            }
        }
    }

    /** Drops every cached index and version list (tests, or an operator after manual database edits). */
    public void clear() {
        cache.clear();
        built.clear();
        cached.clear();
    }
}
