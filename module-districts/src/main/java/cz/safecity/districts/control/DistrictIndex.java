package cz.safecity.districts.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Supplier;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * An immutable in-memory spatial index of one boundary version of one city, in a {@link LocalProjection} centred
 * on the districts (so every distance is in metres): a JTS {@link STRtree} over {@link PreparedGeometry}s finds the
 * districts covering a point, and a second STRtree over all boundary segments finds the edges within the
 * near-boundary distance and, for a point outside, the nearest edge. A lookup costs two O(log n) tree descents plus
 * work on the few districts and segments near the point — flat as districts grow. Thread-safe once built.
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
        final Edges edges;

        Entry(Item<T> item, Geometry metres) {
            this.item = item;
            this.prepared = PreparedGeometryFactory.prepare(metres);
            this.edges = new Edges(metres);
        }
    }

    /**
     * Distance from a point to a district's boundary. A plain loop over the ring segments is several times faster
     * than JTS {@link IndexedFacetDistance} for district-sized rings (measured: 167 vertices on average in Praha,
     * 17 in the municipalities); rings with more than {@link #INDEXED_ABOVE} vertices use the index.
     */
    private static final class Edges {
        static final int INDEXED_ABOVE = 4096;
        final Coordinate[][] rings;
        final IndexedFacetDistance indexed;

        Edges(Geometry polygonal) {
            List<Coordinate[]> all = new ArrayList<>();
            for (int i = 0; i < polygonal.getNumGeometries(); i++) {
                Polygon p = (Polygon) polygonal.getGeometryN(i);
                all.add(p.getExteriorRing().getCoordinates());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    all.add(p.getInteriorRingN(h).getCoordinates());
                }
            }
            this.rings = all.toArray(Coordinate[][]::new);
            this.indexed = polygonal.getNumPoints() > INDEXED_ABOVE ? new IndexedFacetDistance(polygonal) : null;
        }

        double distance(Point p) {
            if (indexed != null) {
                return indexed.distance(p);
            }
            Coordinate c = p.getCoordinate();
            double x = c.x;
            double y = c.y;
            double best = Double.MAX_VALUE;
            double bound = Double.MAX_VALUE; // best², a little enlarged: what a segment must beat to be measured
            for (Coordinate[] ring : rings) {
                for (int i = 1; i < ring.length; i++) {
                    Coordinate a = ring[i - 1];
                    Coordinate b = ring[i];
                    // the distance to the segment's bounding box is a lower bound: skip the exact (costly)
                    // distance of segments that cannot be nearer than the best so far
                    double dx = Math.max(Math.max(Math.min(a.x, b.x) - x, x - Math.max(a.x, b.x)), 0);
                    double dy = Math.max(Math.max(Math.min(a.y, b.y) - y, y - Math.max(a.y, b.y)), 0);
                    if (dx * dx + dy * dy > bound) {
                        continue;
                    }
                    double d = Distance.pointToSegment(c, a, b);
                    if (d < best) {
                        best = d;
                        bound = d * d * (1 + 1e-9) + 1e-12;
                    }
                }
            }
            return best;
        }
    }

    /** One boundary segment of a district, in local metres. */
    private record Segment(Entry<?> owner, Coordinate a, Coordinate b) {
        double distance(Coordinate c) {
            return Distance.pointToSegment(c, a, b);
        }
    }

    private final LocalProjection projection;
    /** Districts by envelope: which ones may cover a point. */
    private final STRtree tree = new STRtree();
    /** All boundary segments of all districts: which edges are near a point, and the nearest one. */
    private final STRtree segments = new STRtree();
    private final GeometryFactory factory = new GeometryFactory();
    private final int size;

    private DistrictIndex(List<Item<T>> items) {
        Envelope all = new Envelope();
        items.forEach(i -> all.expandToInclude(i.wgs84().getEnvelopeInternal()));
        this.projection = all.isNull() ? LocalProjection.at(0, 0) : LocalProjection.around(all);
        for (Item<T> item : items) {
            Geometry metres = projection.toMetres(item.wgs84());
            Entry<T> entry = new Entry<>(item, metres);
            tree.insert(metres.getEnvelopeInternal(), entry);
            for (Coordinate[] ring : entry.edges.rings) {
                for (int i = 1; i < ring.length; i++) {
                    segments.insert(new Envelope(ring[i - 1], ring[i]), new Segment(entry, ring[i - 1], ring[i]));
                }
            }
        }
        tree.build();
        if (!items.isEmpty()) {
            segments.build();
        }
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
        Entry<T> chosen = null;
        List<Entry<T>> covering = new ArrayList<>(2);
        for (Object o : tree.query(new Envelope(c))) {
            Entry<T> e = (Entry<T>) o;
            if (e.prepared.covers(p)) {
                covering.add(e);
                if (chosen == null || e.item.code().compareTo(chosen.item.code()) < 0) {
                    chosen = e;
                }
            }
        }
        if (chosen == null) {
            return new Outside<>(nearest(c));
        }
        // edges within nearMetres: the closest segment per district
        Map<Entry<T>, Double> close = new HashMap<>();
        if (nearMetres > 0 || covering.size() > 1) {
            Envelope around = new Envelope(c);
            around.expandBy(Math.max(nearMetres, 0));
            for (Object o : segments.query(around)) {
                Segment s = (Segment) o;
                double d = s.distance(c);
                if (d <= nearMetres) {
                    close.merge((Entry<T>) s.owner(), d, Math::min);
                }
            }
        }
        for (Entry<T> e : covering) {
            close.put(e, e == chosen ? close.getOrDefault(e, Double.MAX_VALUE) : 0.0);
        }
        double edge = close.containsKey(chosen) && close.get(chosen) <= nearMetres ? close.get(chosen)
                : chosen.edges.distance(p);
        List<Near<T>> near = new ArrayList<>();
        for (Map.Entry<Entry<T>, Double> e : close.entrySet()) {
            if (e.getKey() != chosen) {
                near.add(new Near<>(e.getKey().item.code(), e.getKey().item.payload(), round(e.getValue())));
            }
        }
        near.sort(Comparator.comparingDouble((Near<T> n) -> n.distanceMetres()).thenComparing(Near::code));
        return new Inside<>(chosen.item.payload(), chosen.item.code(), round(edge), edge <= nearMetres,
                List.copyOf(near));
    }

    /**
     * The code of the district containing the point (the smallest code where districts overlap), or null: what
     * {@link #locate} would choose, without the near-boundary search.
     */
    @SuppressWarnings("unchecked")
    public String codeAt(double lon, double lat) {
        Coordinate c = projection.toMetres(lon, lat);
        Point p = null;
        String chosen = null;
        for (Object o : tree.query(new Envelope(c))) {
            Entry<T> e = (Entry<T>) o;
            String code = e.item.code();
            if (chosen == null || code.compareTo(chosen) < 0) {
                if (p == null) {
                    p = factory.createPoint(c);
                }
                if (e.prepared.covers(p)) {
                    chosen = code;
                }
            }
        }
        return chosen;
    }

    /** The district with the nearest boundary segment (branch and bound over the segment tree). */
    @SuppressWarnings("unchecked")
    private Near<T> nearest(Coordinate c) {
        if (size == 0) {
            return null;
        }
        Object probe = new Object();
        Segment best = (Segment) segments.nearestNeighbour(new Envelope(c), probe,
                (ItemBoundable a, ItemBoundable b) -> ((Segment) (a.getItem() == probe ? b.getItem() : a.getItem()))
                        .distance(c));
        Entry<T> owner = (Entry<T>) best.owner();
        return new Near<>(owner.item.code(), owner.item.payload(), round(best.distance(c)));
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
