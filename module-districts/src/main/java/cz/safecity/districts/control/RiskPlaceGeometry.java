package cz.safecity.districts.control;

import cz.safecity.districts.entity.Wkb;
import cz.safecity.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads and checks the geometry of a risk place: an RFC 7946 GeoJSON {@code Point} or {@code Polygon} in WGS84
 * lon/lat degrees. A polygon must be valid by JTS {@link IsValidOp} (closed rings, no self-intersection, holes
 * inside) and its area at most {@link #MAX_AREA_M2}: a risk place is a street corner, a park or an underpass, not a
 * quarter of the city. Errors are 400 problems naming {@code geometry}.
 */
public final class RiskPlaceGeometry {

    /** Largest polygon accepted: 5 km², in m². */
    public static final double MAX_AREA_M2 = 5_000_000;
    /** Mean Earth radius (IUGG), metres. */
    static final double EARTH_RADIUS_M = 6_371_008.8;

    /**
     * A checked geometry.
     *
     * @param geometry Point or Polygon, SRID 4326
     * @param areaM2   polygon area in m² (local equirectangular projection about the polygon's centre), 0 for a point
     */
    public record Checked(Geometry geometry, double areaM2) {
    }

    private RiskPlaceGeometry() {
    }

    /**
     * @param geojson the {@code geometry} member of the request
     * @throws ProblemException 400 naming {@code geometry}
     */
    public static Checked check(JsonObject geojson) {
        if (geojson == null) {
            throw invalid("is required (GeoJSON Point or Polygon)");
        }
        String type = geojson.containsKey("type") && geojson.get("type") instanceof jakarta.json.JsonString s
                ? s.getString() : null;
        if (!"Point".equals(type) && !"Polygon".equals(type)) {
            throw invalid("type must be Point or Polygon, not " + (type == null ? "missing" : "'" + type + "'"));
        }
        Geometry g;
        try {
            g = new GeoJsonReader(Wkb.WGS84).read(geojson.toString());
        } catch (ParseException | RuntimeException e) {
            throw invalid("unreadable " + type + " coordinates: " + e.getMessage());
        }
        if (g.isEmpty()) {
            throw invalid("has no coordinates");
        }
        g.setSRID(4326);
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y) || c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
                throw invalid("position [" + c.x + ", " + c.y + "] is not WGS84 lon/lat in degrees "
                        + "(lon −180…180, lat −90…90)");
            }
        }
        if (g instanceof Polygon p) {
            TopologyValidationError error = new IsValidOp(p).getValidationError();
            if (error != null) {
                Coordinate at = error.getCoordinate();
                throw invalid("invalid polygon: " + error.getMessage()
                        + (at == null ? "" : String.format(Locale.ROOT, " at [%.6f, %.6f]", at.x, at.y)));
            }
            double area = areaM2(p);
            if (area > MAX_AREA_M2) {
                throw invalid(String.format(Locale.ROOT, "polygon area %.2f km² exceeds the limit of %.0f km²",
                        area / 1e6, MAX_AREA_M2 / 1e6));
            }
            return new Checked(p, Math.round(area * 10) / 10.0);
        }
        return new Checked(g, 0);
    }

    /**
     * Area of a WGS84 polygon in m²: shell minus holes after an equirectangular projection about the centre of the
     * polygon's envelope (error well under 1 % for the few-kilometre polygons accepted here).
     */
    static double areaM2(Polygon p) {
        Envelope e = p.getEnvelopeInternal();
        double lat0 = Math.toRadians((e.getMinY() + e.getMaxY()) / 2);
        double kx = EARTH_RADIUS_M * Math.cos(lat0) * Math.PI / 180;
        double ky = EARTH_RADIUS_M * Math.PI / 180;
        Geometry metres = p.copy();
        metres.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            c.x = c.x * kx;
            c.y = c.y * ky;
        });
        metres.geometryChanged();
        return metres.getArea();
    }

    /** The geometry as an RFC 7946 GeoJSON object (no {@code crs} member; WGS84 is implied). */
    public static JsonObject toGeoJson(Geometry g) {
        GeoJsonWriter w = new GeoJsonWriter(7);
        w.setEncodeCRS(false);
        return Json.createReader(new StringReader(w.write(g))).readObject();
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.invalid("geometry", detail);
    }
}
