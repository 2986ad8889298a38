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
import java.util.function.Function;

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
        Where w = where(lon, lat, at);
        return new Located(lon, lat, at, card(w.in().district(), w.index().version(), geometry),
                w.in().edgeDistanceMetres(), w.in().nearBoundary(), w.near(), neighbours(w.in()));
    }

    /**
     * As {@link #locate}, written as JSON bytes — the same bytes JSON-B writes for {@link Located} — with the
     * district's card rendered by {@code render} only the first time it is shown with its current parts, borough
     * and version ({@link DistrictsCache.RenderedCards}); later answers copy those bytes.
     *
     * @param render writes a {@link DistrictCard} as the API's JSON (UTF-8)
     */
    public byte[] locateJson(double lon, double lat, LocalDate at, boolean geometry,
                             Function<DistrictCard, byte[]> render) {
        Where w = where(lon, lat, at);
        DistrictLocator.Entry e = w.in().district();
        BoundaryRef version = w.index().version();
        Map<Long, BoroughRef> boroughs = cached.boroughs(hierarchy::boroughs);
        DistrictsCache.CityCardParts city = parts.ofCity(version.id());
        byte[] card = city.rendered().card(e.code(), geometry, boroughs, w.index(),
                () -> render.apply(card(e, version, geometry, boroughs, city.of(e.code()))));
        return LocateJson.located(lon, lat, at, card, w.in().edgeDistanceMetres(), w.in().nearBoundary(), w.near(),
                neighbours(w.in()));
    }

    /** The point's district (the index of the version in force, the location, the near threshold used). */
    private record Where(DistrictLocator.VersionIndex index, DistrictIndex.Inside<DistrictLocator.Entry> in,
                         int near) {
    }

    private Where where(double lon, double lat, LocalDate at) {
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
        return new Where(vi, (DistrictIndex.Inside<DistrictLocator.Entry>) where, near);
    }

    private static List<Located.Neighbour> neighbours(DistrictIndex.Inside<DistrictLocator.Entry> in) {
        if (in.neighbours().isEmpty()) {
            return List.of();
        }
        List<Located.Neighbour> out = new ArrayList<>(in.neighbours().size());
        for (DistrictIndex.Near<DistrictLocator.Entry> n : in.neighbours()) {
            out.add(new Located.Neighbour(n.code(), n.payload().name(), n.distanceMetres()));
        }
        return List.copyOf(out);
    }

    private DistrictCard card(DistrictLocator.Entry e, BoundaryRef version, boolean geometry) {
        return card(e, version, geometry, cached.boroughs(hierarchy::boroughs),
                parts.of(e.id(), e.code(), version.id()));
    }

    private static DistrictCard card(DistrictLocator.Entry e, BoundaryRef version, boolean geometry,
                                     Map<Long, BoroughRef> boroughs, DistrictsCache.CardParts p) {
        BoroughRef borough = e.boroughId() == null ? null : boroughs.get(e.boroughId());
        return new DistrictCard(e.id(), e.code(), e.name(), borough, e.provisional(), version, e.areaM2(),
                geometry ? e.geoJson().get() : null, p.workingGroup(), p.stations(), p.recommendations());
    }
}
