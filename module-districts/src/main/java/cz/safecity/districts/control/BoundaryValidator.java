package cz.safecity.districts.control;

import cz.safecity.districts.entity.BoundaryWarning;
import cz.safecity.districts.entity.Wkb;
import cz.safecity.platform.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Validates the features of one boundary import, fed one at a time ({@link #accept}) while the upload streams, then
 * checked as a whole ({@link #finish}). Pure JTS, no I/O.
 *
 * <p>Errors (the import is refused with a 422 problem listing {@code {index, code, reason}} for every bad feature):
 * missing or non-(Multi)Polygon geometry, malformed coordinates, a ring with fewer than 4 positions, an unclosed
 * ring (RFC 7946 §3.1.6), positions outside WGS84 ranges, swapped axis order (lat,lon instead of RFC 7946 lon,lat:
 * either the positions only fit the ranges when swapped, or the feature lies far from the reference area and its
 * swapped copy inside it), an invalid polygon per OGC ({@link IsValidOp}: self-intersection, ring self-intersection,
 * nested shells…), a feature less than half inside the city outline, a missing/invalid code or name, an unknown
 * borough, a duplicate code.
 *
 * <p>Warnings (the import is accepted): overlaps between two districts and gaps enclosed by districts of at least
 * {@code minAreaM2} m², parts of the outline no district covers (≥ 1 ha), parts of a district beyond the outline
 * (≥ {@code minAreaM2} and ≥ 1 % of the district). Areas are computed in a {@link LocalProjection} centred on the
 * reference area. The reference area is the city outline, else the envelope of the districts in force, else the
 * inter-quartile box of the features' centres.
 */
public final class BoundaryValidator {

    /** Most errors/warnings listed in one answer; the total is given separately. */
    public static final int MAX_LISTED = 500;
    /** Uncovered parts of the outline smaller than this (m²) are not reported: outlines and districts come from
     * different surveys and disagree by slivers along the whole city border. */
    public static final double MIN_UNCOVERED_M2 = 10_000;

    /**
     * What the import is checked against.
     *
     * @param mapping        property mapping (validated)
     * @param outline        the city outline (WGS84), or null
     * @param inForce        envelope of the districts in force (WGS84), or null
     * @param knownBoroughs  codes of the city's boroughs
     * @param createBoroughs whether unknown borough codes are accepted (the importer creates them)
     * @param minAreaM2      smallest overlap/gap reported, m²
     */
    public record Context(FeatureMapping mapping, Geometry outline, Envelope inForce, Set<String> knownBoroughs,
                          boolean createBoroughs, double minAreaM2) {
    }

    /**
     * One accepted feature.
     *
     * @param geometry (Multi)Polygon, WGS84 lon/lat
     * @param areaM2   area, m²
     */
    public record Draft(int index, String code, String name, String boroughCode, Geometry geometry, double areaM2) {
    }

    /**
     * The outcome of a valid import.
     *
     * @param warningCount all warnings found (the list holds at most {@link #MAX_LISTED}, largest areas first)
     */
    public record Result(List<Draft> drafts, List<BoundaryWarning> warnings, int warningCount,
                         LocalProjection projection) {
    }

    private final Context context;
    private final GeoJsonReader reader = new GeoJsonReader(Wkb.WGS84);
    private final List<Draft> drafts = new ArrayList<>();
    private final List<Map<String, Object>> errors = new ArrayList<>();
    private final Map<String, Integer> firstIndexOfCode = new HashMap<>();
    private final Set<Integer> failed = new java.util.HashSet<>();
    private int features;

    public BoundaryValidator(Context context) {
        this.context = context;
    }

    /** Checks one feature; problems are collected, not thrown. */
    public void accept(GeoJsonFeatures.Feature f) {
        features++;
        String code = null;
        try {
            code = context.mapping().code(f.properties());
            String name = context.mapping().name(f.properties(), code);
            String borough = context.mapping().borough(f.properties());
            if (borough != null && !context.knownBoroughs().contains(borough) && !context.createBoroughs()) {
                error(f.index(), code, "borough '" + borough + "' does not exist in this city (create it first, "
                        + "or import with createBoroughs=true)");
                return;
            }
            if (borough != null && !FeatureMapping.CODE.matcher(borough).matches()) {
                error(f.index(), code, "borough code '" + borough + "' is not 1–60 letters, digits, '.', '_', '~' "
                        + "or '-'");
                return;
            }
            Integer first = firstIndexOfCode.putIfAbsent(code, f.index());
            if (first != null) {
                error(f.index(), code, "duplicate code '" + code + "' (also feature " + first + ")");
            }
            String reason = structure(f.geometry());
            if (reason != null) {
                error(f.index(), code, reason);
                return;
            }
            Geometry g = reader.read(f.geometry().toString());
            IsValidOp valid = new IsValidOp(g);
            if (!valid.isValid()) {
                TopologyValidationError e = valid.getValidationError();
                Coordinate at = e.getCoordinate();
                error(f.index(), code, "invalid polygon: " + e.getMessage()
                        + (at == null ? "" : " at [" + at.x + ", " + at.y + "]"));
                return;
            }
            drafts.add(new Draft(f.index(), code, name, borough, g, 0));
        } catch (FeatureMapping.MappingException e) {
            error(f.index(), code, e.getMessage());
        } catch (ParseException | RuntimeException e) {
            error(f.index(), code, "unreadable geometry: " + e.getMessage());
        }
    }

    /**
     * Whole-collection checks and warnings.
     *
     * @throws ProblemException 422 ({@code errors}: {@code [{index, code, reason}]}) when any feature is bad or
     *                          there are none
     */
    public Result finish() {
        if (features == 0) {
            throw ProblemException.unprocessable("No districts", "The GeoJSON holds no features.", List.of());
        }
        Envelope reference = referenceArea();
        LocalProjection projection = LocalProjection.around(reference);
        checkAxisOrder(reference);
        List<BoundaryWarning> warnings = new ArrayList<>();
        Geometry outline = context.outline() == null ? null : projection.toMetres(context.outline());
        Map<Draft, Geometry> metric = new LinkedHashMap<>();
        for (Draft d : drafts) {
            if (!failed(d.index())) {
                metric.put(d, projection.toMetres(d.geometry()));
            }
        }
        if (outline != null) {
            checkOutline(outline, metric, projection, warnings);
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(e -> (Integer) e.get("index")));
            List<Map<String, Object>> listed = errors.size() > MAX_LISTED ? errors.subList(0, MAX_LISTED) : errors;
            throw ProblemException.unprocessable("Invalid district boundaries", errors.size() + " of " + features
                            + " features are not acceptable; nothing was imported.", listed)
                    .with("errorCount", errors.size());
        }
        warnings.addAll(overlapsAndGaps(metric, outline, projection));
        warnings.sort(Comparator.comparing(BoundaryWarning::kind).thenComparing(
                Comparator.comparingDouble(BoundaryWarning::areaM2).reversed()));
        List<Draft> accepted = new ArrayList<>();
        metric.forEach((d, m) -> accepted.add(new Draft(d.index(), d.code(), d.name(), d.boroughCode(), d.geometry(),
                round(m.getArea()))));
        return new Result(accepted, List.copyOf(warnings.size() > MAX_LISTED ? warnings.subList(0, MAX_LISTED)
                : warnings), warnings.size(), projection);
    }

    /** Reason why the GeoJSON geometry object is malformed, or null when its structure is fine. */
    static String structure(JsonObject geometry) {
        if (geometry == null) {
            return "feature has no geometry";
        }
        String type = geometry.getString("type", null);
        JsonValue coordinates = geometry.get("coordinates");
        if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            return "geometry type is " + type + ", expected Polygon or MultiPolygon";
        }
        if (!(coordinates instanceof JsonArray all) || all.isEmpty()) {
            return "geometry has no coordinates";
        }
        List<JsonArray> polygons = new ArrayList<>();
        if ("Polygon".equals(type)) {
            polygons.add(all);
        } else {
            for (JsonValue p : all) {
                if (!(p instanceof JsonArray pa) || pa.isEmpty()) {
                    return "malformed MultiPolygon coordinates";
                }
                polygons.add(pa);
            }
        }
        boolean outOfRange = false;
        boolean fitsSwapped = true;
        for (int pi = 0; pi < polygons.size(); pi++) {
            JsonArray rings = polygons.get(pi);
            for (int ri = 0; ri < rings.size(); ri++) {
                String where = (polygons.size() > 1 ? "polygon " + pi + ", " : "") + "ring " + ri;
                if (!(rings.get(ri) instanceof JsonArray ring)) {
                    return where + " is not an array of positions";
                }
                if (ring.size() < 4) {
                    return where + " has " + ring.size() + " positions; a linear ring needs at least 4";
                }
                double[] firstPos = null;
                double[] lastPos = null;
                for (JsonValue pos : ring) {
                    double[] xy = position(pos);
                    if (xy == null) {
                        return where + " has a position that is not [lon, lat]";
                    }
                    if (firstPos == null) {
                        firstPos = xy;
                    }
                    lastPos = xy;
                    boolean fits = Math.abs(xy[0]) <= 180 && Math.abs(xy[1]) <= 90;
                    outOfRange |= !fits;
                    fitsSwapped &= Math.abs(xy[1]) <= 180 && Math.abs(xy[0]) <= 90;
                }
                if (firstPos[0] != lastPos[0] || firstPos[1] != lastPos[1]) {
                    return where + " is not closed: first position " + Arrays.toString(firstPos)
                            + " differs from last " + Arrays.toString(lastPos) + " (RFC 7946 §3.1.6)";
                }
            }
        }
        if (outOfRange) {
            return fitsSwapped
                    ? "axis order swapped: positions are [lat, lon], RFC 7946 requires [lon, lat]"
                    : "positions outside WGS84 ranges (lon −180…180, lat −90…90)";
        }
        return null;
    }

    private static double[] position(JsonValue v) {
        if (!(v instanceof JsonArray a) || a.size() < 2 || !(a.get(0) instanceof JsonNumber x)
                || !(a.get(1) instanceof JsonNumber y)) {
            return null;
        }
        return new double[] {x.doubleValue(), y.doubleValue()};
    }

    private Envelope referenceArea() {
        if (context.outline() != null) {
            return context.outline().getEnvelopeInternal();
        }
        if (context.inForce() != null) {
            return context.inForce();
        }
        double[] xs = drafts.stream().mapToDouble(d -> d.geometry().getEnvelopeInternal().centre().x).sorted()
                .toArray();
        double[] ys = drafts.stream().mapToDouble(d -> d.geometry().getEnvelopeInternal().centre().y).sorted()
                .toArray();
        if (xs.length == 0) {
            return new Envelope(0, 0, 0, 0);
        }
        return new Envelope(xs[xs.length / 4], xs[(3 * xs.length) / 4], ys[ys.length / 4], ys[(3 * ys.length) / 4]);
    }

    /** Features far from the reference area whose swapped copy lies inside it were given as [lat, lon]. */
    private void checkAxisOrder(Envelope reference) {
        Envelope near = new Envelope(reference);
        near.expandBy(Math.max(0.05, Math.max(reference.getWidth(), reference.getHeight())));
        for (Draft d : drafts) {
            Coordinate c = d.geometry().getEnvelopeInternal().centre();
            if (!near.contains(c) && near.contains(c.y, c.x)) {
                error(d.index(), d.code(), "axis order swapped: positions are [lat, lon], RFC 7946 requires "
                        + "[lon, lat] (the swapped feature lies inside the city)");
            }
        }
    }

    private void checkOutline(Geometry outline, Map<Draft, Geometry> metric, LocalProjection projection,
                              List<BoundaryWarning> warnings) {
        PreparedGeometry city = PreparedGeometryFactory.prepare(outline);
        for (Map.Entry<Draft, Geometry> e : metric.entrySet()) {
            Draft d = e.getKey();
            if (failed(d.index()) || city.covers(e.getValue())) {
                continue;
            }
            Geometry g = e.getValue();
            double area = g.getArea();
            Geometry beyond = OverlayNGRobust.overlay(g, outline, OverlayNG.DIFFERENCE);
            double outside = beyond.getArea();
            if (area - outside < 0.5 * area) {
                error(d.index(), d.code(), String.format(java.util.Locale.ROOT,
                        "lies outside the city outline (only %.0f %% of its area inside)", 100 * (area - outside)
                                / area));
            } else if (outside >= context.minAreaM2() && outside >= 0.01 * area) {
                warnings.add(warning("beyond-outline", List.of(d.code()), beyond, projection));
            }
        }
    }

    private List<BoundaryWarning> overlapsAndGaps(Map<Draft, Geometry> metric, Geometry outline,
                                                  LocalProjection projection) {
        List<BoundaryWarning> out = new ArrayList<>();
        if (metric.isEmpty()) {
            return out;
        }
        STRtree tree = new STRtree();
        List<Map.Entry<Draft, Geometry>> entries = new ArrayList<>(metric.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            tree.insert(entries.get(i).getValue().getEnvelopeInternal(), i);
        }
        tree.build();
        for (int i = 0; i < entries.size(); i++) {
            Geometry a = entries.get(i).getValue();
            PreparedGeometry pa = PreparedGeometryFactory.prepare(a);
            for (Object o : tree.query(a.getEnvelopeInternal())) {
                int j = (Integer) o;
                if (j <= i || !pa.intersects(entries.get(j).getValue())) {
                    continue;
                }
                Geometry both = OverlayNGRobust.overlay(a, entries.get(j).getValue(), OverlayNG.INTERSECTION);
                if (both.getArea() >= context.minAreaM2()) {
                    out.add(warning("overlap", sorted(entries.get(i).getKey().code(), entries.get(j).getKey().code()),
                            both, projection));
                }
            }
        }
        Geometry union = OverlayNGRobust.union(Wkb.WGS84.buildGeometry(metric.values()));
        for (int p = 0; p < union.getNumGeometries(); p++) {
            Polygon poly = (Polygon) union.getGeometryN(p);
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                LinearRing ring = poly.getInteriorRingN(h);
                Polygon hole = Wkb.WGS84.createPolygon(ring.getCoordinates());
                if (hole.getArea() >= context.minAreaM2()) {
                    out.add(warning("gap", adjacent(hole, tree, entries), hole, projection));
                }
            }
        }
        if (outline != null) {
            Geometry uncovered = OverlayNGRobust.overlay(outline, union, OverlayNG.DIFFERENCE);
            for (int p = 0; p < uncovered.getNumGeometries(); p++) {
                Geometry part = uncovered.getGeometryN(p);
                if (part.getArea() >= Math.max(MIN_UNCOVERED_M2, context.minAreaM2())) {
                    out.add(warning("uncovered", adjacent(part, tree, entries), part, projection));
                }
            }
        }
        return out;
    }

    private static List<String> adjacent(Geometry area, STRtree tree, List<Map.Entry<Draft, Geometry>> entries) {
        Envelope env = new Envelope(area.getEnvelopeInternal());
        env.expandBy(1.0);
        Set<String> codes = new TreeSet<>();
        for (Object o : tree.query(env)) {
            Map.Entry<Draft, Geometry> e = entries.get((Integer) o);
            if (e.getValue().isWithinDistance(area, 1.0)) {
                codes.add(e.getKey().code());
            }
        }
        return List.copyOf(codes);
    }

    private static BoundaryWarning warning(String kind, List<String> codes, Geometry metricArea,
                                           LocalProjection projection) {
        Point inside = metricArea.getInteriorPoint();
        Coordinate at = projection.toDegrees(inside.isEmpty() ? metricArea.getEnvelopeInternal().centre()
                : inside.getCoordinate());
        return new BoundaryWarning(kind, codes, round(metricArea.getArea()), round7(at.x), round7(at.y));
    }

    private static List<String> sorted(String a, String b) {
        return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
    }

    private boolean failed(int index) {
        return failed.contains(index);
    }

    private void error(int index, String code, String reason) {
        failed.add(index);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("index", index);
        if (code != null) {
            e.put("code", code);
        }
        e.put("reason", reason);
        errors.add(e);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }
}
