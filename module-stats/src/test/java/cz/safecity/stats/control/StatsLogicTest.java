package cz.safecity.stats.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsLogicTest {

    @Test
    void wilsonIntervalMatchesTheFormula() {
        double[] ci = Confidence.wilson(2, 3);
        assertEquals(0.2077, ci[0], 1e-4);
        assertEquals(0.9385, ci[1], 1e-4);
        double[] none = Confidence.wilson(0, 10);
        assertEquals(0.0, none[0], 1e-12);
        assertEquals(0.2775, none[1], 1e-4);
        double[] all = Confidence.wilson(50, 50);
        assertEquals(1.0, all[1], 1e-12);
        assertTrue(all[0] > 0.92 && all[0] < 0.93, "" + all[0]);
    }

    @Test
    void clearanceRateIsClearedOverFinalOutcomes() {
        assertEquals(40.0, StatsQueries.rate(2, 3));
        assertEquals(null, StatsQueries.rate(0, 0));
        assertEquals(7.0, StatsQueries.per1000(7, 1000));
        assertEquals(null, StatsQueries.per1000(7, null));
    }

    @Test
    void comparisonCsvQuotesAndDefusesFormulas() {
        var row = new Comparison.CityRow("a", "=HYPERLINK(\"x\")", 1000, 7, 7.0, Map.of("theft", 3.0), 40.0, null, 0,
                Map.of());
        var table = new Comparison.Table(YearMonth.of(2024, 3), YearMonth.of(2024, 4), List.of("theft"), List.of(),
                List.of(row));
        String csv = Comparison.csv(table);
        assertEquals("city,name,population,offences,offences_per_1000,theft_per_1000,clearance_rate,"
                + "perceived_safety,survey_answers\r\na,\"'=HYPERLINK(\"\"x\"\")\",1000,7,7.0,3.0,40.0,,0\r\n", csv);
    }

    @Test
    void periodsAreCheckedAndDefaultToTwelveMonths() {
        YearMonth[] p = StatsQueries.period(null, null, java.time.LocalDate.of(2026, 12, 3));
        assertEquals(YearMonth.of(2026, 1), p[0]);
        assertEquals(YearMonth.of(2026, 12), p[1]);
        var e = org.junit.jupiter.api.Assertions.assertThrows(cz.safecity.platform.problem.ProblemException.class,
                () -> StatsQueries.period("2025-05", "2025-01", java.time.LocalDate.now()));
        assertEquals("from", e.field());
    }

    @Test
    void everyOutcomeOfTheEssexSampleIsMapped() throws Exception {
        Path file = Path.of("../../shared/data/police-uk-essex-2018-01-street.csv");
        assumeTrue(Files.exists(file), "no shared data");
        var mapping = CodeLists.mapping("police-uk", Map.of(), Map.of());
        try (var lines = Files.lines(file)) {
            lines.skip(1).map(l -> l.split(",", -1)).forEach(f -> {
                String outcome = f[f.length - 2];
                String type = f[f.length - 3];
                assertNotEquals("other", mapping.category(type).equals("other") && !type.equals("Other crime")
                        ? "other" : "", type);
                if (!outcome.isEmpty()) {
                    assertNotEquals(CodeLists.UNKNOWN, mapping.cleared(outcome), outcome);
                }
            });
        }
    }
}
