package cz.safecity.districts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The 226 real municipal-police districts of Praha (../shared/data/praha-mp-districts.geojson, IPR Praha) and the
 * Praha outline from cz-municipalities.geojson (its 22 parts, ok = Praha). Skipped when the shared data is absent.
 */
class PragueRealDataTest {

    static final FeatureMapping PRAHA = new FeatureMapping(null, "{mc_praha}-{okrsek}", null,
            "Praha {mc_praha} – okrsek {okrsek}", "mc_praha").validated();

    static Path file(String name) {
        Path dir = Fixtures.sharedData();
        assumeTrue(dir != null && Files.exists(dir.resolve(name)), "shared data absent: " + name);
        return dir.resolve(name);
    }

    /** An outline from cz-municipalities.geojson: the union of the features with property = value. */
    static Geometry outline(String property, String value) throws Exception {
        try (InputStream in = Files.newInputStream(file("cz-municipalities.geojson"))) {
            return OutlineReader.read(in, property, value).geometry();
        }
    }

    static BoundaryValidator.Result importPraha(Geometry outline) throws Exception {
        BoundaryValidator v = new BoundaryValidator(new BoundaryValidator.Context(PRAHA, outline, null, Set.of(),
                true, 1.0));
        try (InputStream in = Files.newInputStream(file("praha-mp-districts.geojson"))) {
            GeoJsonFeatures.read(in, v::accept);
        }
        return v.finish();
    }

    @Test
    void allRealDistrictsImportAgainstTheRealOutline() throws Exception {
        long t0 = System.nanoTime();
        BoundaryValidator.Result r = importPraha(outline("ok", "Praha"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(226, r.drafts().size());
        System.out.printf("praha import: %d districts, %d warnings (%s), %d ms%n", r.drafts().size(),
                r.warningCount(), r.warnings().stream().collect(java.util.stream.Collectors.groupingBy(
                        w -> w.kind(), java.util.stream.Collectors.counting())), ms);
        double total = r.drafts().stream().mapToDouble(BoundaryValidator.Draft::areaM2).sum();
        assertEquals(496e6, total, 20e6); // Praha: 496 km²
        Geometry plzen = outline("kod", "554791");
        assertEquals(137.7e6, LocalProjection.around(plzen.getEnvelopeInternal()).areaM2(plzen), 3e6); // 137.7 km²
    }

    @Test
    void theLocatorReturnsTheSourceDistrictForInteriorPoints() throws Exception {
        BoundaryValidator.Result r = importPraha(null);
        List<DistrictIndex.Item<String>> items = new ArrayList<>();
        r.drafts().forEach(d -> items.add(new DistrictIndex.Item<>(d.code(), d.code(), d.geometry())));
        DistrictIndex<String> index = DistrictIndex.of(items);
        int wrong = 0;
        for (BoundaryValidator.Draft d : r.drafts()) {
            Point inside = d.geometry().getInteriorPoint();
            var found = assertInstanceOf(DistrictIndex.Inside.class, index.locate(inside.getX(), inside.getY(), 25));
            if (!found.code().equals(d.code())) {
                wrong++;
                System.out.println("interior point of " + d.code() + " located in " + found.code());
            }
        }
        assertEquals(0, wrong);
        // Brno is outside Praha: the nearest district is named with its distance (~185 km)
        var brno = assertInstanceOf(DistrictIndex.Outside.class, index.locate(16.608, 49.195, 25));
        assertTrue(brno.nearest().distanceMetres() > 150_000, String.valueOf(brno.nearest()));
    }
    @Test
    void theEdgeDistanceIsTheDistanceToTheDistrictsBoundary() throws Exception {
        BoundaryValidator.Result r = importPraha(null);
        List<DistrictIndex.Item<Geometry>> items = new ArrayList<>();
        r.drafts().forEach(d -> items.add(new DistrictIndex.Item<>(d.code(), d.geometry(), d.geometry())));
        DistrictIndex<Geometry> index = DistrictIndex.of(items);
        java.util.Random random = new java.util.Random(3);
        int inside = 0;
        for (int i = 0; i < 3000; i++) {
            double lon = 14.35 + random.nextDouble() * 0.23;
            double lat = 50.02 + random.nextDouble() * 0.10;
            if (index.locate(lon, lat, 25) instanceof DistrictIndex.Inside<Geometry> in) {
                Geometry metres = index.projection().toMetres(in.district());
                Point p = metres.getFactory().createPoint(index.projection().toMetres(lon, lat));
                assertEquals(DistrictIndex.round(metres.getBoundary().distance(p)), in.edgeDistanceMetres(),
                        "edge distance at " + lat + ", " + lon);
                inside++;
            }
        }
        assertTrue(inside > 2900, String.valueOf(inside));
    }
}
