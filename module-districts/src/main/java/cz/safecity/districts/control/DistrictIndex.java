package cz.safecity.districts.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * An immutable in-memory spatial index of one boundary version of one city: a JTS {@link STRtree} over
 * {@link PreparedGeometry}s in a {@link LocalProjection} centred on the districts, so that a lookup costs
 * O(log n) tree descent plus work on the few districts whose envelope is near the point — flat as districts grow.
 * Thread-safe once built.
 *
 * <p>Rules (documented API behaviour):
 * <ul>
 *   <li>A point covered by several districts (on a shared edge or vertex, or in an overlap) belongs to the one with
 *       the lowest code (Java {@code String} order); the others are listed as neighbours at 0 m.</li>
 *   <li>A point within {@code nearMetres} of the chosen district's edge is "near the boundary"; every other district
 *       within {@code nearMetres} of the point is listed as a neighbour with its distance in metres.</li>
 *   <li>A point no district covers is outside; the nearest district (by distance to its boundary) is named.</li>
 * </ul>
 *
 * @param <T> what the caller keeps per district (e.g. id, code, name and the card's geometry)
 */
public final class DistrictIndex<T> {

    /** One district to index: the payload and its (Multi)Polygon in WGS84 lon/lat degrees. */
    public record Item<T>(String code, T payload, Geometry wgs84) {
    }

    /** A district near the point, with its distance in metres (0 when it covers the point). */
    public record Near<T>(String code, T payload, double distanceMetres) {
    }

    /** The answer for a point. */
    public sealed interface Location<T> permits Inside, Outside {
    }

    /**
     * The point lies in {@code district}.
     *
     * @param edgeDistanceMetres distance from the point to the district's boundary, m
     * @param nearBoundary       edge distance ≤ the near threshold
     * @param neighbours         other districts within the near threshold, nearest first
     */
    public record Inside<T>(T district, String code, double edgeDistanceMetres, boolean nearBoundary,
                            List<Near<T>> neighbours) implements Location<T> {
    }

    /** No district covers the point; {@code nearest} is the closest one (null only for an empty index). */
    public record Outside<T>(Near<T> nearest) implements Location<T> {
    }

    private static final class Entry<T> {
        final Item<T> item;
        final PreparedGeometry prepared;
        final IndexedFacetDistance edges;

        Entry(Item<T> item, Geometry metres) {
            this.item = item;
            this.prepared = PreparedGeometryFactory.prepare(metres);
            this.edges = new IndexedFacetDistance(metres);
        }
    }

    private final LocalProjection projection;
    private final STRtree tree = new STRtree();
    private final GeometryFactory factory = new GeometryFactory();
    private final int size;

    private DistrictIndex(List<Item<T>> items) {
        Envelope all = new Envelope();
        items.forEach(i -> all.expandToInclude(i.wgs84().getEnvelopeInternal()));
        this.projection = all.isNull() ? LocalProjection.at(0, 0) : LocalProjection.around(all);
        for (Item<T> item : items) {
            Geometry metres = projection.toMetres(item.wgs84());
            tree.insert(metres.getEnvelopeInternal(), new Entry<>(item, metres));
        }
        tree.build();
        this.size = items.size();
    }

    /** Builds the index (O(n log n)). */
    public static <T> DistrictIndex<T> of(List<Item<T>> items) {
        return new DistrictIndex<>(items);
    }

    public int size() {
        return size;
    }

    public LocalProjection projection() {
        return projection;
    }

    /**
     * Locates a point.
     *
     * @param lon        WGS84 longitude, degrees
     * @param lat        WGS84 latitude, degrees
     * @param nearMetres near-boundary threshold, m (≥ 0)
     * @return {@link Inside} or {@link Outside} (never null)
     */
    @SuppressWarnings("unchecked")
    public Location<T> locate(double lon, double lat, double nearMetres) {
        Coordinate c = projection.toMetres(lon, lat);
        Point p = factory.createPoint(c);
        Envelope around = new Envelope(c);
        around.expandBy(Math.max(nearMetres, 0));
        List<Entry<T>> covering = new ArrayList<>(2);
        List<Near<T>> near = new ArrayList<>();
        for (Object o : tree.query(around)) {
            Entry<T> e = (Entry<T>) o;
            if (e.prepared.getGeometry().getEnvelopeInternal().contains(c) && e.prepared.covers(p)) {
                covering.add(e);
            } else {
                double d = e.edges.distance(p);
                if (d <= nearMetres) {
                    near.add(new Near<>(e.item.code(), e.item.payload(), round(d)));
                }
            }
        }
        if (covering.isEmpty()) {
            return new Outside<>(nearest(p));
        }
        covering.sort(Comparator.comparing(e -> e.item.code()));
        Entry<T> chosen = covering.get(0);
        for (Entry<T> other : covering.subList(1, covering.size())) {
            near.add(new Near<>(other.item.code(), other.item.payload(), 0.0));
        }
        near.sort(Comparator.comparingDouble((Near<T> n) -> n.distanceMetres()).thenComparing(Near::code));
        double edge = round(chosen.edges.distance(p));
        return new Inside<>(chosen.item.payload(), chosen.item.code(), edge, edge <= nearMetres, List.copyOf(near));
    }

    @SuppressWarnings("unchecked")
    private Near<T> nearest(Point p) {
        if (size == 0) {
            return null;
        }
        Entry<T> probe = new Entry<>(new Item<>("", null, p), p);
        Entry<T> best = (Entry<T>) tree.nearestNeighbour(p.getEnvelopeInternal(), probe,
                (ItemBoundable a, ItemBoundable b) -> {
                    Entry<T> x = (Entry<T>) a.getItem();
                    Entry<T> y = (Entry<T>) b.getItem();
                    Entry<T> district = x == probe ? y : x;
                    return district.edges.distance(p);
                });
        return new Near<>(best.item.code(), best.item.payload(), round(best.edges.distance(p)));
    }

    /** All payloads, in no particular order (for tests and exports). */
    @SuppressWarnings("unchecked")
    public List<T> payloads() {
        List<T> out = new ArrayList<>(size);
        for (Object o : tree.itemsTree()) {
            collect(o, out);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void collect(Object node, List<T> out) {
        if (node instanceof List<?> l) {
            l.forEach(x -> collect(x, out));
        } else {
            out.add(((Entry<T>) node).item.payload());
        }
    }

    /** Lazily computed value, for payloads that are costly to render (e.g. GeoJSON of the geometry). */
    public static <V> Supplier<V> lazily(Supplier<V> compute) {
        return new Supplier<>() {
            private volatile V value;

            @Override
            public V get() {
                V v = value;
                if (v == null) {
                    v = compute.get();
                    value = v;
                }
                return v;
            }
        };
    }

    static double round(double metres) {
        return Math.round(metres * 10) / 10.0;
    }
}
