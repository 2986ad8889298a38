package cz.safecity.districts.control;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Writes districts as an RFC 7946 FeatureCollection (exterior rings counter-clockwise, 7 decimals ≈ 1 cm, no
 * {@code crs} member), optionally simplified.
 *
 * <p>Simplification: JTS {@link TopologyPreservingSimplifier} (Douglas–Peucker that never lets rings cross or
 * collapse) applied to the whole collection at once, in a {@link LocalProjection} centred on the districts, so the
 * tolerance is metres in every direction. In degrees that is {@code tolerance / 111 195} of latitude and
 * {@code tolerance / (111 195 · cos φ0)} of longitude at the city's latitude φ0 (for Praha, 50.08° N: 10 m ≈
 * 0.000090° lat ≈ 0.000140° lon). Shared edges of neighbouring districts are simplified independently and may
 * drift apart by up to the tolerance.
 */
public final class GeoJsonExport {

    /** Properties and WGS84 geometry of one exported feature. */
    public record Feature(JsonObject properties, Geometry wgs84) {
    }

    private GeoJsonExport() {
    }

    /**
     * @param simplifyMetres tolerance in metres; 0 = unchanged
     */
    public static void write(Writer out, List<Feature> features, double simplifyMetres) throws IOException {
        List<Geometry> geometries = simplified(features.stream().map(Feature::wgs84).toList(), simplifyMetres);
        GeoJsonWriter geo = new GeoJsonWriter(7);
        geo.setEncodeCRS(false);
        geo.setForceCCW(true);
        out.write("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < features.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write("{\"type\":\"Feature\",\"properties\":");
            out.write(features.get(i).properties().toString());
            out.write(",\"geometry\":");
            geo.write(geometries.get(i), out);
            out.write('}');
        }
        out.write("]}");
        out.flush();
    }

    /** The geometries simplified together with a tolerance in metres (same order; unchanged for 0). */
    public static List<Geometry> simplified(List<Geometry> wgs84, double toleranceMetres) {
        if (toleranceMetres <= 0 || wgs84.isEmpty()) {
            return wgs84;
        }
        Envelope all = new Envelope();
        wgs84.forEach(g -> all.expandToInclude(g.getEnvelopeInternal()));
        LocalProjection projection = LocalProjection.around(all);
        GeometryFactory factory = wgs84.get(0).getFactory();
        Geometry simple = TopologyPreservingSimplifier.simplify(factory.createGeometryCollection(
                wgs84.stream().map(projection::toMetres).toArray(Geometry[]::new)), toleranceMetres);
        List<Geometry> out = new ArrayList<>(wgs84.size());
        for (int i = 0; i < simple.getNumGeometries(); i++) {
            out.add(projection.toDegrees(simple.getGeometryN(i)));
        }
        return out;
    }

    /** One geometry as a GeoJSON geometry object text (7 decimals, CCW exterior rings). */
    public static String geometry(Geometry wgs84) {
        GeoJsonWriter geo = new GeoJsonWriter(7);
        geo.setEncodeCRS(false);
        geo.setForceCCW(true);
        return geo.write(wgs84);
    }
}
