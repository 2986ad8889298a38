package cz.safecity.districts.control;

import static cz.safecity.districts.control.Fixtures.LAT0;
import static cz.safecity.districts.control.Fixtures.LON0;
import static cz.safecity.districts.control.Fixtures.STEP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.districts.entity.BoundaryWarning;
import cz.safecity.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per kind of bad feature, plus the warnings of accepted imports. */
class BoundaryValidatorTest {

    private static final Set<String> NONE = Set.of();

    @Test
    void aCleanGridIsAcceptedWithoutWarnings() {
        BoundaryValidator.Result r = Fixtures.validate(Fixtures.collection(Fixtures.grid(3, 3, NONE)),
                Fixtures.gridOutline(3, 3));
        assertEquals(9, r.drafts().size());
        assertEquals(List.of(), r.warnings());
        // 0.01° × 0.01° at 50.09° N ≈ 713.6 m × 1112 m
        assertEquals(793_500, r.drafts().get(0).areaM2(), 2_000);
        assertEquals("Okrsek r0c0", r.drafts().get(0).name());
    }

    @Test
    void unclosedRing() {
        List<JsonObject> f = new ArrayList<>(Fixtures.grid(2, 1, NONE));
        f.add(Fixtures.feature("open", Json.createObjectBuilder().add("type", "Polygon").add("coordinates",
                Json.createArrayBuilder().add(Json.createArrayBuilder().add(Fixtures.pos(LON0, LAT0 - STEP))
                        .add(Fixtures.pos(LON0 + STEP, LAT0 - STEP)).add(Fixtures.pos(LON0 + STEP, LAT0))
                        .add(Fixtures.pos(LON0, LAT0)))).build()));
        assertOnlyError(f, 2, "not closed");
    }

    @Test
    void selfIntersectingRing() {
        List<JsonObject> f = new ArrayList<>(Fixtures.grid(2, 1, NONE));
        // a bow tie: (0,0) (1,1) (1,0) (0,1)
        f.add(Fixtures.feature("bowtie", Json.createObjectBuilder().add("type", "Polygon").add("coordinates",
                Json.createArrayBuilder().add(Json.createArrayBuilder().add(Fixtures.pos(LON0, LAT0 - STEP))
                        .add(Fixtures.pos(LON0 + STEP, LAT0)).add(Fixtures.pos(LON0 + STEP, LAT0 - STEP))
                        .add(Fixtures.pos(LON0, LAT0)).add(Fixtures.pos(LON0, LAT0 - STEP)))).build()));
        assertOnlyError(f, 2, "Self-intersection");
    }

    @Test
    void swappedAxesThatLeaveTheValidRange() {
        // a city at 120° E: [lat, lon] puts 120 into the latitude
        String json = Fixtures.collection(List.of(Fixtures.feature("x", Fixtures.polygon(
                Fixtures.square(30.0, 120.0, 0.01)))));
        ProblemException e = assertThrows(ProblemException.class, () -> Fixtures.validate(json, null));
        assertTrue(reason(e, 0).contains("axis order swapped"), reason(e, 0));
    }

    @Test
    void swappedAxesDetectedAgainstTheCityOutline() {
        // Praha as [lat, lon] is still inside the WGS84 ranges (lon 50, lat 14): only the outline reveals it
        List<JsonObject> f = new ArrayList<>(Fixtures.grid(2, 1, NONE));
        f.add(Fixtures.feature("swapped", Fixtures.polygon(Fixtures.square(LAT0, LON0, STEP))));
        assertOnlyError(f, 2, "axis order swapped");
    }

    @Test
    void swappedAxesDetectedAgainstTheOtherFeatures() {
        List<JsonObject> f = new ArrayList<>(Fixtures.grid(3, 3, NONE));
        f.add(Fixtures.feature("swapped", Fixtures.polygon(Fixtures.square(LAT0 + 0.005, LON0 + 0.005, STEP))));
        ProblemException e = assertThrows(ProblemException.class,
                () -> Fixtures.validate(Fixtures.collection(f), null));
        assertEquals(9, errors(e).get(0).get("index"));
        assertTrue(reason(e, 0).contains("axis order swapped"));
    }

    @Test
    void featureOutsideTheCity() {
        List<JsonObject> f = new ArrayList<>(Fixtures.grid(2, 1, NONE));
        f.add(Fixtures.feature("brno", Fixtures.polygon(Fixtures.square(16.60, 49.19, STEP))));
        assertOnlyError(f, 2, "outside the city outline");
    }

    @Test
    void duplicateCode() {
        List<JsonObject> f = new ArrayList<>(Fixtures.grid(2, 1, NONE));
        f.add(Fixtures.feature("r0c0", Fixtures.polygon(Fixtures.square(LON0, LAT0 + STEP, STEP))));
        ProblemException e = assertOnlyError(f, 2, "duplicate code 'r0c0'");
        assertEquals(422, e.status());
    }

    @Test
    void everyBadFeatureIsListed() {
        List<JsonObject> f = new ArrayList<>(Fixtures.grid(2, 1, NONE));
        f.add(Fixtures.feature("r0c0", Fixtures.polygon(Fixtures.square(LON0, LAT0 + STEP, STEP))));
        f.add(Json.createObjectBuilder().add("type", "Feature").add("properties", Json.createObjectBuilder())
                .add("geometry", Fixtures.polygon(Fixtures.square(LON0, LAT0, STEP))).build());
        f.add(Fixtures.feature("line", Json.createObjectBuilder().add("type", "LineString").add("coordinates",
                Json.createArrayBuilder().add(Fixtures.pos(LON0, LAT0)).add(Fixtures.pos(LON0, LAT0 + 1))).build()));
        ProblemException e = assertThrows(ProblemException.class,
                () -> Fixtures.validate(Fixtures.collection(f), Fixtures.gridOutline(2, 2)));
        assertEquals(List.of(2, 3, 4), errors(e).stream().map(m -> m.get("index")).toList());
        assertTrue(reason(e, 1).contains("property 'code' is missing"));
        assertTrue(reason(e, 2).contains("LineString"));
    }

    @Test
    void overlapsAreWarningsWithAreaAndCodes() {
        List<JsonObject> f = new ArrayList<>(Fixtures.grid(2, 1, NONE));
        // r0c1 widened 0.001° (≈ 71 m) to the west: overlaps r0c0 by 71 m × 1112 m
        f.set(1, Fixtures.feature("r0c1", Fixtures.polygon(Fixtures.square(LON0 + STEP - 0.001, LAT0, STEP))));
        BoundaryValidator.Result r = Fixtures.validate(Fixtures.collection(f), null);
        BoundaryWarning w = r.warnings().stream().filter(x -> x.kind().equals("overlap")).findFirst().orElseThrow();
        assertEquals(List.of("r0c0", "r0c1"), w.codes());
        assertEquals(71.36 * 1111.95, w.areaM2(), 150);
    }

    @Test
    void gapsAreWarningsWithAreaAndAdjacentCodes() {
        BoundaryValidator.Result r = Fixtures.validate(Fixtures.collection(Fixtures.grid(3, 3, Set.of("r1c1"))),
                Fixtures.gridOutline(3, 3));
        BoundaryWarning gap = r.warnings().stream().filter(x -> x.kind().equals("gap")).findFirst().orElseThrow();
        assertEquals(8, r.drafts().size());
        assertEquals(8, gap.codes().size());
        assertEquals(793_500, gap.areaM2(), 2_000);
        assertEquals(LON0 + 1.5 * STEP, gap.lon(), STEP / 2);
    }

    @Test
    void uncoveredPartsOfTheOutlineAreWarnings() {
        BoundaryValidator.Result r = Fixtures.validate(Fixtures.collection(Fixtures.grid(2, 1, NONE)),
                Fixtures.gridOutline(2, 2));
        BoundaryWarning w = r.warnings().stream().filter(x -> x.kind().equals("uncovered")).findFirst().orElseThrow();
        assertEquals(List.of("r0c0", "r0c1"), w.codes());
    }

    @Test
    void codeTemplatesComposeBoroughAndNumber() throws Exception {
        FeatureMapping praha = new FeatureMapping(null, "{mc_praha}-{okrsek}", null,
                "Praha {mc_praha} – okrsek {okrsek}", "mc_praha").validated();
        JsonObject props = Json.createObjectBuilder().add("okrsek", "12").add("mc_praha", 4).build();
        assertEquals("4-12", praha.code(props));
        assertEquals("Praha 4 – okrsek 12", praha.name(props, "4-12"));
        assertEquals("4", praha.borough(props));
        assertThrows(ProblemException.class, () -> new FeatureMapping(null, null, null, null, null).validated());
    }

    @Test
    void unknownBoroughIsAnErrorUnlessCreated() {
        FeatureMapping m = new FeatureMapping("code", null, null, null, "code").validated();
        String json = Fixtures.collection(Fixtures.grid(2, 1, NONE));
        BoundaryValidator strict = new BoundaryValidator(new BoundaryValidator.Context(m, null, null, Set.of("r0c0"),
                false, 1));
        GeoJsonFeatures.read(Fixtures.stream(json), strict::accept);
        ProblemException e = assertThrows(ProblemException.class, strict::finish);
        assertTrue(reason(e, 0).contains("borough 'r0c1' does not exist"));
        BoundaryValidator lenient = new BoundaryValidator(new BoundaryValidator.Context(m, null, null, Set.of(),
                true, 1));
        GeoJsonFeatures.read(Fixtures.stream(json), lenient::accept);
        assertEquals(2, lenient.finish().drafts().size());
    }

    private static ProblemException assertOnlyError(List<JsonObject> features, int index, String reason) {
        ProblemException e = assertThrows(ProblemException.class,
                () -> Fixtures.validate(Fixtures.collection(features), Fixtures.gridOutline(2, 2)));
        assertEquals(422, e.status());
        assertEquals(1, errors(e).size(), String.valueOf(errors(e)));
        assertEquals(index, errors(e).get(0).get("index"));
        assertTrue(reason(e, 0).contains(reason), reason(e, 0));
        return e;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(ProblemException e) {
        return (List<Map<String, Object>>) e.extensions().get("errors");
    }

    static String reason(ProblemException e, int i) {
        return (String) errors(e).get(i).get("reason");
    }
}
