package cz.safecity.districts.control;

import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.entity.Located;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantDirectory;
import cz.safecity.platform.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The regional question "which onboarded city is this point in, and which district": for a regional portal,
 * without a city in the path. Tenancy: the city is found through {@link OutlineStore#containingAcrossCities} (the
 * module's only cross-city read, outlines only). Of the cities whose outline covers the point and whose districts
 * module is enabled, the one with the smallest outline wins (the most specific), then the one onboarded first, then
 * the lowest slug; it is entered into the request's {@link TenantContext} — the same single tenant a city-scoped
 * request has — and everything about its districts is read through the ordinary tenant-bound stores. The others are
 * listed in {@code alsoIn}. Outline geometries are cached by outline id (a new upload gets a new id).
 */
@ApplicationScoped
public class CityLocator {

    /**
     * The answer.
     *
     * @param city      slug and name of the city containing the point
     * @param located   the district (card without geometry), or null when the point is in the city but in no
     *                  district (or the city has no boundaries yet)
     * @param note      why {@code located} is null
     * @param alsoIn    other onboarded cities whose outline contains the point (overlapping outlines)
     */
    public record RegionalLocation(double lon, double lat, CityRef city, Located located, String note,
                                   List<CityRef> alsoIn) {
    }

    /** A city: slug and display name. */
    public record CityRef(String slug, String name) {
    }

    private static final int MAX_CACHED = 512;
    private final Map<Long, PreparedGeometry> outlines = new ConcurrentHashMap<>();
    private final GeometryFactory factory = new GeometryFactory();

    @Inject
    OutlineStore store;
    @Inject
    TenantDirectory tenants;
    @Inject
    TenantContext tenant;
    @Inject
    ModuleRegistry modules;
    @Inject
    DistrictCards cards;

    /**
     * @param lon WGS84 longitude, degrees
     * @param lat WGS84 latitude, degrees
     * @throws ProblemException 404 {@code outside-cities} when no onboarded city's outline contains the point
     */
    public RegionalLocation locate(double lon, double lat) {
        Point p = factory.createPoint(new Coordinate(lon, lat));
        List<Tenant> found = new ArrayList<>();
        Map<String, Double> area = new java.util.HashMap<>();
        for (OutlineStore.CityOutline o : store.containingAcrossCities(lon, lat)) {
            PreparedGeometry g = outline(o.id());
            if (g != null && g.covers(p) && modules.isEnabled(new TenantId(o.city()), DistrictsModule.ID)) {
                tenants.find(o.city()).ifPresent(found::add);
                area.put(o.city(), o.areaM2());
            }
        }
        found.sort(java.util.Comparator.comparingDouble((Tenant t) -> Math.rint(area.get(t.slug())))
                .thenComparing(Tenant::createdAt).thenComparing(Tenant::slug));
        if (found.isEmpty()) {
            throw new ProblemException(404, "outside-cities", "Not in an onboarded city", String.format(Locale.ROOT,
                    "No onboarded city's outline contains lat %.6f, lon %.6f.", lat, lon), null)
                    .with("lat", lat).with("lon", lon);
        }
        Tenant city = found.get(0);
        tenant.enter(city);
        List<CityRef> others = found.subList(1, found.size()).stream().map(t -> new CityRef(t.slug(), t.name()))
                .toList();
        Located located = null;
        String note = null;
        try {
            located = cards.locate(lon, lat, LocalDate.now(city.zone()), false);
        } catch (ProblemException e) {
            if (e.status() != 404) {
                throw e;
            }
            note = e.detail();
        }
        return new RegionalLocation(lon, lat, new CityRef(city.slug(), city.name()), located, note, others);
    }

    private PreparedGeometry outline(long id) {
        PreparedGeometry cached = outlines.get(id);
        if (cached != null) {
            return cached;
        }
        Geometry g = store.geometryAcrossCities(id).orElse(null);
        if (g == null) {
            return null;
        }
        if (outlines.size() >= MAX_CACHED) {
            outlines.clear();
        }
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(g);
        outlines.put(id, prepared);
        return prepared;
    }
}
