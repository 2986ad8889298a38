package cz.safecity.districts.control;

import static cz.safecity.districts.control.Fixtures.LAT0;
import static cz.safecity.districts.control.Fixtures.LON0;
import static cz.safecity.districts.control.Fixtures.STEP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.districts.entity.BoundaryRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which version is in force on a date, and re-districting seen through {@code at=}. */
class BoundaryTimelineTest {

    static final BoundaryRef V1 = new BoundaryRef(10, 1, LocalDate.of(2024, 1, 1), true, "provisional");
    static final BoundaryRef V2 = new BoundaryRef(11, 2, LocalDate.of(2025, 7, 1), false, "import");
    static final BoundaryRef V2_FIX = new BoundaryRef(12, 3, LocalDate.of(2025, 7, 1), false, "import");

    @Test
    void beforeTheFirstVersionThereAreNoDistricts() {
        assertTrue(BoundaryTimeline.at(List.of(V1, V2), LocalDate.of(2023, 12, 31)).isEmpty());
    }

    @Test
    void theLatestValidFromNotAfterTheDateWins() {
        assertEquals(V1, BoundaryTimeline.at(List.of(V2, V1), LocalDate.of(2024, 1, 1)).orElseThrow());
        assertEquals(V1, BoundaryTimeline.at(List.of(V2, V1), LocalDate.of(2025, 6, 30)).orElseThrow());
        assertEquals(V2, BoundaryTimeline.at(List.of(V2, V1), LocalDate.of(2025, 7, 1)).orElseThrow());
        assertEquals(V2, BoundaryTimeline.at(List.of(V2, V1), LocalDate.of(2099, 1, 1)).orElseThrow());
    }

    @Test
    void aSameDayCorrectionReplacesTheEarlierImport() {
        assertEquals(V2_FIX, BoundaryTimeline.at(List.of(V2_FIX, V1, V2), LocalDate.of(2025, 7, 1)).orElseThrow());
    }

    @Test
    void indexAtOverTheOrderedVersionsChoosesAsAtDoes() {
        List<BoundaryRef> ordered = BoundaryTimeline.ordered(List.of(V2_FIX, V1, V2));
        assertEquals(List.of(V1, V2, V2_FIX), ordered);
        for (LocalDate d : List.of(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 30),
                LocalDate.of(2025, 7, 1), LocalDate.of(2099, 1, 1))) {
            int i = BoundaryTimeline.indexAt(ordered, d);
            assertEquals(BoundaryTimeline.at(ordered, d), i < 0 ? java.util.Optional.empty()
                    : java.util.Optional.of(ordered.get(i)), d.toString());
        }
    }

    @Test
    void reDistrictingAnswersByDate() {
        // version 1: two districts west/east; version 2: one district "all" over both
        Map<Long, DistrictIndex<String>> indexes = Map.of(
                V1.id(), DistrictIndex.of(List.of(
                        new DistrictIndex.Item<>("west", "west",
                                Fixtures.rectangle(LON0, LAT0, LON0 + STEP, LAT0 + STEP)),
                        new DistrictIndex.Item<>("east", "east",
                                Fixtures.rectangle(LON0 + STEP, LAT0, LON0 + 2 * STEP, LAT0 + STEP)))),
                V2.id(), DistrictIndex.of(List.of(new DistrictIndex.Item<>("all", "all",
                        Fixtures.rectangle(LON0, LAT0, LON0 + 2 * STEP, LAT0 + STEP)))));
        double lon = LON0 + 1.5 * STEP;
        double lat = LAT0 + 0.5 * STEP;
        assertEquals("east", codeAt(indexes, LocalDate.of(2025, 6, 30), lon, lat));
        assertEquals("all", codeAt(indexes, LocalDate.of(2025, 7, 1), lon, lat));
    }

    private static String codeAt(Map<Long, DistrictIndex<String>> indexes, LocalDate at, double lon, double lat) {
        BoundaryRef v = BoundaryTimeline.at(List.of(V1, V2), at).orElseThrow();
        return ((DistrictIndex.Inside<String>) indexes.get(v.id()).locate(lon, lat, 25)).code();
    }
}
