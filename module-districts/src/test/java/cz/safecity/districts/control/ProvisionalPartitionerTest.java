package cz.safecity.districts.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.districts.entity.Wkb;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

class ProvisionalPartitionerTest {

    /** An L-shaped (concave) outline of about 5 km × 5 km near Praha. */
    static Geometry outline() {
        double x = Fixtures.LON0;
        double y = Fixtures.LAT0;
        return Wkb.WGS84.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 0.07, y),
                new Coordinate(x + 0.07, y + 0.02), new Coordinate(x + 0.03, y + 0.02),
                new Coordinate(x + 0.03, y + 0.045), new Coordinate(x, y + 0.045), new Coordinate(x, y)});
    }

    @Test
    void nineDistrictsTileTheOutlineWithoutOverlap() {
        Geometry city = outline();
        List<ProvisionalPartitioner.Cell> cells = ProvisionalPartitioner.partition(city, 9, 0, 42);
        assertEquals(9, cells.size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9),
                cells.stream().map(ProvisionalPartitioner.Cell::number).toList());
        LocalProjection p = LocalProjection.around(city.getEnvelopeInternal());
        double total = cells.stream().mapToDouble(c -> p.areaM2(c.wgs84())).sum();
        assertEquals(p.areaM2(city), total, p.areaM2(city) * 1e-6);
        for (int i = 0; i < cells.size(); i++) {
            assertTrue(cells.get(i).wgs84().isValid());
            for (int j = i + 1; j < cells.size(); j++) {
                double overlap = p.areaM2(OverlayNGRobust.overlay(cells.get(i).wgs84(), cells.get(j).wgs84(),
                        OverlayNG.INTERSECTION));
                assertTrue(overlap < 1, "cells " + i + "," + j + " overlap by " + overlap + " m²");
            }
        }
        double min = cells.stream().mapToDouble(c -> p.areaM2(c.wgs84())).min().orElseThrow();
        double max = cells.stream().mapToDouble(c -> p.areaM2(c.wgs84())).max().orElseThrow();
        assertTrue(max / min < 3, "Lloyd relaxation keeps sizes similar: " + min + " … " + max);
    }

    @Test
    void theSameSeedGivesTheSameDistricts() {
        List<ProvisionalPartitioner.Cell> a = ProvisionalPartitioner.partition(outline(), 9, 0, 7);
        List<ProvisionalPartitioner.Cell> b = ProvisionalPartitioner.partition(outline(), 9, 0, 7);
        List<ProvisionalPartitioner.Cell> c = ProvisionalPartitioner.partition(outline(), 9, 0, 8);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(Wkb.write(a.get(i).wgs84()), Wkb.write(b.get(i).wgs84()));
        }
        assertTrue(!a.get(0).wgs84().equalsExact(c.get(0).wgs84()), "another seed, other districts");
    }

    @Test
    void sixtyFourDistrictsInTenBoroughsNestInTheirBorough() {
        Geometry city = outline();
        List<ProvisionalPartitioner.Cell> cells = ProvisionalPartitioner.partition(city, 64, 10, 1);
        assertEquals(64, cells.size());
        Map<Integer, List<ProvisionalPartitioner.Cell>> byBorough =
                cells.stream().collect(Collectors.groupingBy(ProvisionalPartitioner.Cell::borough));
        assertEquals(10, byBorough.size());
        byBorough.values().forEach(list -> assertTrue(list.size() >= 1));
        // every district's interior point is covered by no district of another borough
        for (ProvisionalPartitioner.Cell d : cells) {
            Geometry inside = d.wgs84().getInteriorPoint();
            long covering = cells.stream().filter(o -> o.wgs84().covers(inside)).count();
            assertEquals(1, covering);
        }
    }

    @Test
    void apportionByAreaGivesEveryBoroughAtLeastOne() {
        Geometry big = Fixtures.rectangle(0, 0, 10, 10);
        Geometry small = Fixtures.rectangle(0, 0, 0.1, 0.1);
        assertArrayEquals(new int[] {9, 1}, ProvisionalPartitioner.apportion(10, List.of(big, small)));
        assertArrayEquals(new int[] {1, 1, 1}, ProvisionalPartitioner.apportion(3, List.of(big, small, small)));
    }
}
