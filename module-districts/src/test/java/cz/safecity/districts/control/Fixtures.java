package cz.safecity.districts.control;

import cz.safecity.districts.entity.Wkb;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** Small hand-made boundaries around a point near Praha (14.40 E, 50.08 N) for unit tests. */
final class Fixtures {

    static final double LON0 = 14.40;
    static final double LAT0 = 50.08;
    /** Grid step: 0.01° ≈ 714 m of longitude and 1112 m of latitude at 50° N. */
    static final double STEP = 0.01;

    private Fixtures() {
    }

    /** A square ring as GeoJSON positions, lon/lat, closed, counter-clockwise. */
    static JsonArrayBuilder square(double lon, double lat, double size) {
        return Json.createArrayBuilder()
                .add(pos(lon, lat)).add(pos(lon + size, lat)).add(pos(lon + size, lat + size))
                .add(pos(lon, lat + size)).add(pos(lon, lat));
    }

    static JsonArrayBuilder pos(double lon, double lat) {
        return Json.createArrayBuilder().add(lon).add(lat);
    }

    static JsonObject polygon(JsonArrayBuilder... rings) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (JsonArrayBuilder r : rings) {
            all.add(r);
        }
        return Json.createObjectBuilder().add("type", "Polygon").add("coordinates", all).build();
    }

    static JsonObject feature(String code, JsonObject geometry) {
        return Json.createObjectBuilder().add("type", "Feature")
                .add("properties", Json.createObjectBuilder().add("code", code).add("name", "Okrsek " + code))
                .add("geometry", geometry).build();
    }

    /** Code of grid cell (column c, row r): e.g. "r0c1". */
    static String code(int r, int c) {
        return "r" + r + "c" + c;
    }

    /** Features of a cols × rows grid of STEP squares starting at (LON0, LAT0), skipping the listed codes. */
    static List<JsonObject> grid(int cols, int rows, Set<String> skip) {
        List<JsonObject> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!skip.contains(code(r, c))) {
                    out.add(feature(code(r, c), polygon(square(LON0 + c * STEP, LAT0 + r * STEP, STEP))));
                }
            }
        }
        return out;
    }

    static String collection(List<JsonObject> features) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        features.forEach(a::add);
        return Json.createObjectBuilder().add("type", "FeatureCollection").add("features", a).build().toString();
    }

    static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The outline of a cols × rows grid as a JTS polygon (WGS84). */
    static Polygon gridOutline(int cols, int rows) {
        return rectangle(LON0, LAT0, LON0 + cols * STEP, LAT0 + rows * STEP);
    }

    static Polygon rectangle(double minLon, double minLat, double maxLon, double maxLat) {
        return Wkb.WGS84.createPolygon(new Coordinate[] {new Coordinate(minLon, minLat),
                new Coordinate(maxLon, minLat), new Coordinate(maxLon, maxLat), new Coordinate(minLon, maxLat),
                new Coordinate(minLon, minLat)});
    }

    static FeatureMapping codeAndName() {
        return new FeatureMapping("code", null, "name", null, null).validated();
    }

    static BoundaryValidator.Result validate(String geojson, Geometry outline) {
        BoundaryValidator v = new BoundaryValidator(new BoundaryValidator.Context(codeAndName(), outline, null,
                Set.of(), false, 1.0));
        GeoJsonFeatures.read(stream(geojson), v::accept);
        return v.finish();
    }

    /** The shared real-data directory ({@code ../shared/data} next to the repository), if present. */
    static Path sharedData() {
        String configured = System.getProperty("shared.data");
        for (Path p : configured != null ? List.of(Path.of(configured))
                : List.of(Path.of("../../shared/data"), Path.of("../shared/data"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    static JsonObjectBuilder props() {
        return Json.createObjectBuilder();
    }
}
