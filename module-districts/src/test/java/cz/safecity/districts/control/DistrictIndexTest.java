package cz.safecity.districts.control;

import static cz.safecity.districts.control.Fixtures.LAT0;
import static cz.safecity.districts.control.Fixtures.LON0;
import static cz.safecity.districts.control.Fixtures.STEP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistrictIndexTest {

    /** 1° of latitude in metres (R = 6 371 008.8 m). */
    static final double M_PER_DEG_LAT = 111_195.08;

    /** A 3 × 3 grid of 0.01° squares, payload = code. */
    static DistrictIndex<String> grid() {
        List<DistrictIndex.Item<String>> items = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                items.add(new DistrictIndex.Item<>(Fixtures.code(r, c), Fixtures.code(r, c),
                        Fixtures.rectangle(LON0 + c * STEP, LAT0 + r * STEP, LON0 + (c + 1) * STEP,
                                LAT0 + (r + 1) * STEP)));
            }
        }
        return DistrictIndex.of(items);
    }

    @Test
    void codeAtChoosesWhatLocateChooses() {
        DistrictIndex<String> grid = grid();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 5_000; i++) {
            // a third of the points on grid lines (shared edges and corners), some outside the grid
            double lon = LON0 - STEP + (random.nextInt(3) == 0 ? random.nextInt(6) * STEP : random.nextDouble() * 5 * STEP);
            double lat = LAT0 - STEP + (random.nextInt(3) == 0 ? random.nextInt(6) * STEP : random.nextDouble() * 5 * STEP);
            DistrictIndex.Location<String> where = grid.locate(lon, lat, 25);
            String expected = where instanceof DistrictIndex.Inside<String> in ? in.code() : null;
            assertEquals(expected, grid.codeAt(lon, lat), lon + " " + lat);
        }
    }

    @Test
    void pointDeepInsideIsNotNearTheBoundary() {
        var in = assertInstanceOf(DistrictIndex.Inside.class, grid().locate(LON0 + 1.5 * STEP, LAT0 + 1.5 * STEP, 25));
        assertEquals("r1c1", in.code());
        assertFalse(in.nearBoundary());
        assertEquals(List.of(), in.neighbours());
        assertEquals(0.5 * STEP * 71_360, in.edgeDistanceMetres(), 50); // half a cell width in longitude
    }

    @Test
    void pointOnASharedEdgeGoesToTheLowestCode() {
        // the vertical edge between r1c0 and r1c1
        var in = assertInstanceOf(DistrictIndex.Inside.class, grid().locate(LON0 + STEP, LAT0 + 1.5 * STEP, 25));
        assertEquals("r1c0", in.code());
        assertTrue(in.nearBoundary());
        assertEquals(0.0, in.edgeDistanceMetres());
        DistrictIndex.Near<?> other = (DistrictIndex.Near<?>) in.neighbours().get(0);
        assertEquals("r1c1", other.code());
        assertEquals(0.0, other.distanceMetres());
    }

    @Test
    void pointOnACornerOfFourGoesToTheLowestCodeAndListsTheOtherThree() {
        var in = assertInstanceOf(DistrictIndex.Inside.class, grid().locate(LON0 + STEP, LAT0 + STEP, 25));
        assertEquals("r0c0", in.code());
        assertEquals(List.of("r0c1", "r1c0", "r1c1"),
                in.neighbours().stream().map(n -> ((DistrictIndex.Near<?>) n).code()).toList());
    }

    @Test
    void pointWithinNearBoundaryMetresListsTheNeighbourWithItsDistance() {
        double tenMetres = 10 / M_PER_DEG_LAT;
        // 10 m south of the horizontal edge between r0c1 (south) and r1c1 (north)
        var in = assertInstanceOf(DistrictIndex.Inside.class,
                grid().locate(LON0 + 1.5 * STEP, LAT0 + STEP - tenMetres, 25));
        assertEquals("r0c1", in.code());
        assertTrue(in.nearBoundary());
        assertEquals(10.0, in.edgeDistanceMetres(), 0.1);
        var n = (DistrictIndex.Near<?>) in.neighbours().get(0);
        assertEquals("r1c1", n.code());
        assertEquals(10.0, n.distanceMetres(), 0.1);
        // the same point with a 5 m threshold is not near
        var strict = assertInstanceOf(DistrictIndex.Inside.class,
                grid().locate(LON0 + 1.5 * STEP, LAT0 + STEP - tenMetres, 5));
        assertFalse(strict.nearBoundary());
        assertEquals(List.of(), strict.neighbours());
    }

    @Test
    void nearTheCityEdgeIsNearBoundaryWithoutNeighbours() {
        var in = assertInstanceOf(DistrictIndex.Inside.class,
                grid().locate(LON0 + 0.5 * STEP, LAT0 + 5 / M_PER_DEG_LAT, 25));
        assertTrue(in.nearBoundary());
        assertEquals(List.of(), in.neighbours());
    }

    @Test
    void outsideNamesTheNearestDistrictAndItsDistance() {
        // 1 km south of r0c2's southern edge
        var out = assertInstanceOf(DistrictIndex.Outside.class,
                grid().locate(LON0 + 2.5 * STEP, LAT0 - 1000 / M_PER_DEG_LAT, 25));
        assertEquals("r0c2", out.nearest().code());
        assertEquals(1000.0, out.nearest().distanceMetres(), 1.0);
        // Brno from Praha: ~185 km
        var brno = assertInstanceOf(DistrictIndex.Outside.class, grid().locate(16.608, 49.195, 25));
        assertEquals("r0c2", brno.nearest().code());
        assertTrue(brno.nearest().distanceMetres() > 150_000 && brno.nearest().distanceMetres() < 200_000);
    }

    @Test
    void anEmptyIndexHasNoNearest() {
        var out = assertInstanceOf(DistrictIndex.Outside.class, DistrictIndex.<String>of(List.of()).locate(14, 50, 25));
        assertNull(out.nearest());
    }
}
