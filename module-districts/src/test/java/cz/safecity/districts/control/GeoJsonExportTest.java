package cz.safecity.districts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.districts.entity.Wkb;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class GeoJsonExportTest {

    /** A wiggly polygon: a 1 km circle-ish ring of 720 vertices with ±2 m noise. */
    static Geometry wiggly(double lon, double lat) {
        LocalProjection p = LocalProjection.at(lon, lat);
        List<Coordinate> ring = new ArrayList<>();
        for (int i = 0; i < 720; i++) {
            double a = Math.toRadians(i / 2.0);
            double r = 1000 + ((i % 2 == 0) ? 2 : -2);
            ring.add(p.toDegrees(new Coordinate(r * Math.cos(a), r * Math.sin(a))));
        }
        ring.add(new Coordinate(ring.get(0)));
        return Wkb.WGS84.createPolygon(ring.toArray(Coordinate[]::new));
    }

    @Test
    void simplificationByMetresKeepsShapeWithinTolerance() {
        Geometry g = wiggly(14.42, 50.08);
        Geometry s = GeoJsonExport.simplified(List.of(g), 10).get(0);
        assertTrue(s.getNumPoints() < g.getNumPoints() / 5, s.getNumPoints() + " points");
        assertTrue(s.isValid());
        LocalProjection p = LocalProjection.at(14.42, 50.08);
        double hausdorff = DiscreteHausdorffDistance.distance(p.toMetres(g), p.toMetres(s));
        assertTrue(hausdorff <= 10.0 + 1e-6, "moved " + hausdorff + " m");
        assertEquals(g, GeoJsonExport.simplified(List.of(g), 0).get(0));
    }

    @Test
    void writesAFeatureCollection() throws Exception {
        StringWriter out = new StringWriter();
        JsonObject props = Json.createObjectBuilder().add("code", "1").add("provisional", true).build();
        GeoJsonExport.write(out, List.of(new GeoJsonExport.Feature(props, wiggly(14.42, 50.08)),
                new GeoJsonExport.Feature(props, Fixtures.rectangle(14, 50, 14.1, 50.1))), 5);
        JsonObject fc = Json.createReader(new StringReader(out.toString())).readObject();
        assertEquals("FeatureCollection", fc.getString("type"));
        assertEquals(2, fc.getJsonArray("features").size());
        JsonObject f = fc.getJsonArray("features").getJsonObject(1);
        assertEquals("1", f.getJsonObject("properties").getString("code"));
        assertEquals("Polygon", f.getJsonObject("geometry").getString("type"));
        assertTrue(!f.getJsonObject("geometry").containsKey("crs"));
    }
}
