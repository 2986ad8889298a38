package cz.safecity.districts.control;

import cz.safecity.districts.entity.Wkb;
import cz.safecity.platform.problem.ProblemException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Reads a city outline from GeoJSON (Feature, FeatureCollection or bare geometry), streaming. From a big collection
 * (e.g. all 6,279 Czech municipalities) the features whose property equals a value are selected — one
 * ({@code kod=554791}, Plzeň) or several, which are dissolved into one outline ({@code ok=Praha}: Praha is stored as
 * its 22 administrative parts). Property values compare as text; numbers in their JSON form. Unlike district
 * imports, an outline that is not a valid polygon (real municipal data has a few self-intersections, e.g. Praha 13)
 * is repaired with JTS {@link GeometryFixer} rather than refused, and the repair is reported.
 */
public final class OutlineReader {

    private OutlineReader() {
    }

    /**
     * @param geometry valid (Multi)Polygon, WGS84 lon/lat
     * @param features how many features were selected
     * @param repaired how many of them were invalid and repaired
     */
    public record Selection(Geometry geometry, int features, int repaired) {
    }

    /**
     * @param property property to select by, or null to take every feature
     * @param value    value it must have (required with {@code property})
     * @return the outline: a valid (Multi)Polygon, WGS84 lon/lat
     * @throws ProblemException 400 naming {@code value} when only one of property/value is given, 400 for
     *                          malformed GeoJSON, 422 when no feature matches or a selected geometry is not a valid
     *                          (Multi)Polygon in WGS84 ranges
     */
    public static Selection read(InputStream in, String property, String value) {
        if ((property == null) != (value == null)) {
            throw ProblemException.invalid(property == null ? "property" : "value",
                    "give both property and value to select features, or neither");
        }
        GeoJsonReader reader = new GeoJsonReader(Wkb.WGS84);
        List<Geometry> selected = new ArrayList<>();
        List<Map<String, ?>> errors = new ArrayList<>();
        int[] repaired = {0};
        int total = GeoJsonFeatures.read(in, f -> {
            if (property != null && !value.equals(text(f.properties().get(property)))) {
                return;
            }
            String reason = BoundaryValidator.structure(f.geometry());
            if (reason == null) {
                try {
                    Geometry g = reader.read(f.geometry().toString());
                    if (!new IsValidOp(g).isValid()) {
                        g = GeometryFixer.fix(g);
                        repaired[0]++;
                    }
                    if (g instanceof Polygonal && !g.isEmpty()) {
                        selected.add(g);
                        return;
                    }
                    reason = "invalid polygon that cannot be repaired";
                } catch (ParseException | RuntimeException e) {
                    reason = "unreadable geometry: " + e.getMessage();
                }
            }
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("index", f.index());
            error.put("reason", reason);
            errors.add(error);
        });
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("Invalid outline", "The selected features are not a valid outline.",
                    errors);
        }
        if (selected.isEmpty()) {
            throw ProblemException.unprocessable("No outline", property == null ? "The GeoJSON holds no features."
                    : "None of the " + total + " features has " + property + " = " + value + ".", List.of());
        }
        Geometry outline = selected.size() == 1 ? selected.get(0)
                : OverlayNGRobust.union(Wkb.WGS84.buildGeometry(selected));
        return new Selection(Wkb.WGS84.createGeometry(outline), selected.size(), repaired[0]);
    }

    private static String text(JsonValue v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return v == null ? null : v.toString();
    }
}
