package cz.safecity.districts.control;

import cz.safecity.districts.entity.BoroughRef;
import cz.safecity.districts.entity.BoundaryRef;
import cz.safecity.districts.entity.DistrictCard;
import cz.safecity.districts.entity.DistrictSummary;
import cz.safecity.districts.entity.Located;
import cz.safecity.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers the public questions about districts of the current city: the list, a card, and which district a point
 * lies in — always for the boundaries in force on a date (city zone). Cards get their working group, stations and
 * recommendations from {@link DistrictCardParts}. No transaction and, in the steady state, no database: the version
 * list, the boroughs and the card parts come from {@link DistrictsCache}, the setting from the platform's cached
 * {@code ModuleRegistry}, the districts from {@link DistrictLocator}'s index; a miss loads in its own short
 * transaction.
 */
@ApplicationScoped
public class DistrictCards {

    @Inject
    DistrictLocator locator;
    @Inject
    HierarchyStore hierarchy;
    @Inject
    DistrictCardParts parts;
    @Inject
    DistrictsCache cached;

    /** The boundary version in force on {@code at} and its districts by code; an empty list before any version. */
    public record DistrictList(BoundaryRef boundary, LocalDate at, List<DistrictSummary> districts) {
    }

    public DistrictList list(LocalDate at) {
        var version = locator.versionAt(at);
        if (version.isEmpty()) {
            return new DistrictList(null, at, List.of());
        }
        DistrictLocator.VersionIndex vi = locator.index(version.get());
        Map<Long, BoroughRef> boroughs = cached.boroughs(hierarchy::boroughs);
        List<DistrictSummary> out = new ArrayList<>(vi.byCode().size());
        for (DistrictLocator.Entry e : vi.byCode().values()) {
            out.add(new DistrictSummary(e.id(), e.code(), e.name(),
                    e.boroughId() == null ? null : boroughs.get(e.boroughId()), e.provisional(), e.areaM2()));
        }
        return new DistrictList(version.get(), at, out);
    }

    /**
     * The card of district {@code code} in force on {@code at}.
     *
     * @throws ProblemException 404 when the city has no such district on that date (or no boundaries)
     */
    public DistrictCard card(String code, LocalDate at, boolean geometry) {
        DistrictLocator.VersionIndex vi = locator.versionAt(at).map(locator::index)
                .orElseThrow(() -> ProblemException.notFound("District", code));
        DistrictLocator.Entry e = vi.byCode().get(code);
        if (e == null) {
            throw ProblemException.notFound("District", code);
        }
        return card(e, vi.version(), geometry);
    }

    /**
     * The district the point (lon, lat) lies in on {@code at}.
     *
     * @throws ProblemException 404 {@code outside-city} naming the nearest district ({@code nearest: {code, name,
     *                          distanceMetres}}) when no district covers the point; 404 {@code no-districts} when the
     *                          city has no boundaries on that date
     */
    public Located locate(double lon, double lat, LocalDate at, boolean geometry) {
        DistrictLocator.VersionIndex vi = locator.indexAt(at);
        int near = locator.nearBoundaryMetres();
        DistrictIndex.Location<DistrictLocator.Entry> where = vi.index().locate(lon, lat, near);
        if (where instanceof DistrictIndex.Outside<DistrictLocator.Entry> out) {
            ProblemException p = new ProblemException(404, "outside-city", "Outside the city's districts",
                    String.format(Locale.ROOT, "No district of this city contains lat %.6f, lon %.6f", lat, lon)
                            + (out.nearest() == null ? "." : String.format(Locale.ROOT,
                            "; the nearest is %s (%s), %.0f m away.", out.nearest().code(),
                            out.nearest().payload().name(), out.nearest().distanceMetres())), null);
            if (out.nearest() != null) {
                p.with("nearest", Map.of("code", out.nearest().code(), "name", out.nearest().payload().name(),
                        "distanceMetres", out.nearest().distanceMetres()));
            }
            throw p.with("lat", lat).with("lon", lon);
        }
        var in = (DistrictIndex.Inside<DistrictLocator.Entry>) where;
        List<Located.Neighbour> neighbours = in.neighbours().stream()
                .map(n -> new Located.Neighbour(n.code(), n.payload().name(), n.distanceMetres())).toList();
        return new Located(lon, lat, at, card(in.district(), vi.version(), geometry), in.edgeDistanceMetres(),
                in.nearBoundary(), near, neighbours);
    }

    private DistrictCard card(DistrictLocator.Entry e, BoundaryRef version, boolean geometry) {
        BoroughRef borough = e.boroughId() == null ? null : cached.boroughs(hierarchy::boroughs).get(e.boroughId());
        DistrictsCache.CardParts p = parts.of(e.id(), e.code(), version.id());
        return new DistrictCard(e.id(), e.code(), e.name(), borough, e.provisional(), version, e.areaM2(),
                geometry ? e.geoJson().get() : null, p.workingGroup(), p.stations(), p.recommendations());
    }
}
