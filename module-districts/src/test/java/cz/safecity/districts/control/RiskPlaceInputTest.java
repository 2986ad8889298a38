package cz.safecity.districts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.districts.entity.RiskPlace;
import cz.safecity.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

/** Validation of risk places: geometry (JTS IsValidOp, ranges, area limit) and fields. */
class RiskPlaceInputTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-29");

    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    static String square(double lon, double lat, double size) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[" + lon + "," + lat + "],[" + (lon + size) + "," + lat
                + "],[" + (lon + size) + "," + (lat + size) + "],[" + lon + "," + (lat + size) + "],[" + lon + ","
                + lat + "]]]}";
    }

    static JsonObjectBuilder body(String geometry) {
        return Json.createObjectBuilder().add("district", "P3-07").add("geometry", json(geometry))
                .add("kind", "feels-unsafe").add("description", "Unlit underpass by the station")
                .add("source", "survey");
    }

    static ProblemException invalid(JsonObjectBuilder body) {
        return assertThrows(ProblemException.class, () -> RiskPlaceInput.parse(body.build(), TODAY));
    }

    @Test
    void acceptsAPointWithDefaults() {
        RiskPlace.Fields f = RiskPlaceInput.parse(body("{\"type\":\"Point\",\"coordinates\":[13.3776,49.7475]}")
                .build(), TODAY);
        assertEquals("Point", f.geometry().getGeometryType());
        assertEquals(0, f.areaM2());
        assertEquals("open", f.status());
        assertEquals(TODAY, f.reportedOn());
        assertNull(f.resolvedOn());
    }

    @Test
    void measuresAPolygonInSquareMetres() {
        // 0.01° × 0.01° at 49.75° N ≈ 719 m × 1112 m ≈ 0.80 km²
        RiskPlace.Fields f = RiskPlaceInput.parse(body(square(13.37, 49.745, 0.01)).build(), TODAY);
        assertTrue(f.geometry() instanceof Polygon);
        assertEquals(0.80e6, f.areaM2(), 0.01e6);
    }

    @Test
    void rejectsPolygonsLargerThanFiveSquareKilometres() {
        // 0.03° × 0.03° ≈ 2.16 km × 3.34 km ≈ 7.2 km²
        ProblemException e = invalid(body(square(13.37, 49.745, 0.03)));
        assertEquals(400, e.status());
        assertEquals("geometry", e.field());
        assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    }

    @Test
    void rejectsInvalidPolygonsWithTheReason() {
        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[13.37,49.74],[13.38,49.75],[13.38,49.74],"
                + "[13.37,49.75],[13.37,49.74]]]}";
        ProblemException e = invalid(body(bowtie));
        assertEquals("geometry", e.field());
        assertTrue(e.getMessage().contains("Self-intersection"), e.getMessage());
        String open = "{\"type\":\"Polygon\",\"coordinates\":[[[13.37,49.74],[13.38,49.75],[13.38,49.74]]]}";
        assertEquals("geometry", invalid(body(open)).field());
    }

    @Test
    void rejectsOtherTypesAndOutOfRangeCoordinates() {
        assertTrue(invalid(body("{\"type\":\"LineString\",\"coordinates\":[[13.37,49.74],[13.38,49.75]]}"))
                .getMessage().contains("Point or Polygon"));
        assertEquals("geometry", invalid(body("{\"type\":\"Point\",\"coordinates\":[49.74,113.37]}")).field());
        assertEquals("geometry", invalid(body("{\"type\":\"Point\",\"coordinates\":\"here\"}")).field());
        assertEquals("geometry", invalid(body("{\"type\":\"Point\",\"coordinates\":[200,10]}")).field());
        assertEquals("geometry", invalid(Json.createObjectBuilder().add("district", "A")).field());
    }

    @Test
    void validatesEnumerationsTextAndDates() {
        String point = "{\"type\":\"Point\",\"coordinates\":[13.3776,49.7475]}";
        assertEquals("kind", invalid(body(point).add("kind", "scary")).field());
        assertEquals("source", invalid(body(point).add("source", "rumour")).field());
        assertEquals("status", invalid(body(point).add("status", "closed")).field());
        assertEquals("description", invalid(body(point).add("description", "x".repeat(4001))).field());
        assertEquals("description", invalid(body(point).add("description", "   ")).field());
        assertEquals("reportedOn", invalid(body(point).add("reportedOn", "2026-12-01")).field());
        assertEquals("reportedOn", invalid(body(point).add("reportedOn", "29.11.2026")).field());
        assertEquals("resolvedOn", invalid(body(point).add("resolvedOn", "2026-11-01")).field());
        assertEquals("resolvedOn", invalid(body(point).add("status", "resolved").add("reportedOn", "2026-11-10")
                .add("resolvedOn", "2026-11-01")).field());
        String raw = "<b>Tma</b> & \"strach\"\n";
        RiskPlace.Fields f = RiskPlaceInput.parse(body(point).add("description", raw).add("status", "resolved")
                .add("reportedOn", "2026-11-01").build(), TODAY);
        assertEquals(raw, f.description(), "stored raw");
        assertEquals(TODAY, f.resolvedOn(), "resolved defaults to today");
        assertEquals(4000, RiskPlaceInput.parse(body(point).add("description", "x".repeat(4000)).build(), TODAY)
                .description().length(), "the limit itself is accepted, never truncated");
    }

    @Test
    void geometryRendersAsGeoJsonWithoutCrs() {
        RiskPlace.Fields f = RiskPlaceInput.parse(body(square(13.37, 49.745, 0.001)).build(), TODAY);
        JsonObject g = RiskPlaceGeometry.toGeoJson(f.geometry());
        assertEquals("Polygon", g.getString("type"));
        assertTrue(!g.containsKey("crs"), g.toString());
        assertEquals(13.37, g.getJsonArray("coordinates").getJsonArray(0).getJsonArray(0).getJsonNumber(0)
                .doubleValue(), 1e-9);
    }
}
