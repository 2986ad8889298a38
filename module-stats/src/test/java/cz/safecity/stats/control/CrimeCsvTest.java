package cz.safecity.stats.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.platform.problem.ProblemException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CrimeCsvTest {

    static List<CSVRecord> records(CrimeCsv.Spec spec, String csv) throws Exception {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(csv)).setFormat(spec.csvFormat()).get()) {
            return new ArrayList<>(p.getRecords());
        }
    }

    @Test
    void policeUkOriginalAndSnakeCaseHeadersBothWork() throws Exception {
        String original = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
                + "Crime type,Last outcome category,Context\n";
        String snake = "crime_id,month,reported_by,falls_within,longitude,latitude,location,lsoa_code,lsoa_name,"
                + "crime_type,last_outcome_category,context\n";
        for (String header : List.of(original, snake)) {
            var recs = records(CrimeCsv.Spec.policeUk(), header
                    + "abc,2018-01,Essex Police,Essex Police,0.738080,52.042187,On or near X,E1,B 7,Burglary,"
                    + "Offender fined,\n");
            var layout = CrimeCsv.layout(CrimeCsv.Spec.policeUk(), recs.get(0).toList());
            var row = CrimeCsv.row(layout, recs.get(1));
            assertEquals("abc", row.recordId());
            assertEquals(LocalDate.of(2018, 1, 1), row.date());
            assertEquals(52.042187, row.lat());
            assertEquals(0.738080, row.lon());
            assertEquals("Burglary", row.type());
            assertEquals("cleared", CodeLists.mapping("police-uk", java.util.Map.of(), java.util.Map.of())
                    .cleared(row.outcome()));
        }
    }

    @Test
    void idlessRowsGetAContentKeyAndEmptyCoordinatesAreUnlocated() throws Exception {
        var recs = records(CrimeCsv.Spec.policeUk(), "crime_id,month,longitude,latitude,crime_type,"
                + "last_outcome_category\n,2018-01,,,Anti-social behaviour,\n");
        var row = CrimeCsv.row(CrimeCsv.layout(CrimeCsv.Spec.policeUk(), recs.get(0).toList()), recs.get(1));
        assertNull(row.recordId());
        assertNull(row.lat());
        assertEquals(32, row.contentKey().length());
        assertEquals("anti-social", CodeLists.mapping("police-uk", java.util.Map.of(), java.util.Map.of())
                .category(row.type()));
    }

    @Test
    void wrongDelimiterIsNamed() throws Exception {
        var recs = records(CrimeCsv.Spec.policeUk(), "crime_id;month;longitude;latitude;crime_type;"
                + "last_outcome_category\n");
        ProblemException p = assertThrows(ProblemException.class,
                () -> CrimeCsv.layout(CrimeCsv.Spec.policeUk(), recs.get(0).toList()));
        assertEquals(422, p.status());
        assertTrue(p.type().endsWith("wrong-delimiter"), p.type());
        assertTrue(p.detail().contains("';'"), p.detail());
    }

    @Test
    void missingColumnsAreListed() throws Exception {
        var recs = records(CrimeCsv.Spec.policeUk(), "crime_id,month,longitude,crime_type\n");
        ProblemException p = assertThrows(ProblemException.class,
                () -> CrimeCsv.layout(CrimeCsv.Spec.policeUk(), recs.get(0).toList()));
        assertEquals(List.of("latitude", "last_outcome_category"), p.extensions().get("missing"));
    }

    @Test
    void czPoliceFixtureRowsParseOrAreRejectedWithReasons() throws Exception {
        String csv = new String(getClass().getResourceAsStream("/fixtures/cz-police-sample.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        var recs = records(CrimeCsv.Spec.czPolice(), csv);
        var layout = CrimeCsv.layout(CrimeCsv.Spec.czPolice(), recs.get(0).toList());
        var mapping = CodeLists.mapping("cz-police", java.util.Map.of(), java.util.Map.of());
        var r1 = CrimeCsv.row(layout, recs.get(1));
        assertEquals(49.7475, r1.lat());
        assertEquals(13.3776, r1.lon());
        assertEquals("theft", mapping.category(r1.type()));
        assertEquals("cleared", mapping.cleared(r1.outcome()));
        assertEquals(LocalDate.of(2024, 3, 5), CrimeCsv.row(layout, recs.get(2)).date());
        var r3 = CrimeCsv.row(layout, recs.get(3));
        assertEquals("102", r3.type());
        assertEquals("pending", mapping.cleared(r3.outcome()));
        assertNull(CrimeCsv.row(layout, recs.get(4)).lat());
        assertEquals("other", mapping.category(CrimeCsv.row(layout, recs.get(5)).type()));
        var projected = assertThrows(CrimeCsv.RejectedRow.class, () -> CrimeCsv.row(layout, recs.get(6)));
        assertTrue(projected.getMessage().contains("S-JTSK"), projected.getMessage());
        var badDate = assertThrows(CrimeCsv.RejectedRow.class, () -> CrimeCsv.row(layout, recs.get(7)));
        assertTrue(badDate.getMessage().contains("2024-02-30"), badDate.getMessage());
        assertEquals("unknown", mapping.cleared(CrimeCsv.row(layout, recs.get(8)).outcome()));
    }

    @Test
    void badValuesAreRejectedWithTheColumn() throws Exception {
        var spec = CrimeCsv.Spec.policeUk();
        var recs = records(spec, "crime_id,month,longitude,latitude,crime_type,last_outcome_category\n"
                + "a,2018-13,1,50,Burglary,\n"
                + "b,2018-01,abc,50,Burglary,\n"
                + "c,2018-01,1,95,Burglary,\n"
                + "d,2018-01,1,,Burglary,\n"
                + "e,2018-01,1,50,,\n"
                + "f,2018-01,1,50\n"
                + "g,2018-01,1,50,Bur\uFFFDglary,\n");
        var layout = CrimeCsv.layout(spec, recs.get(0).toList());
        List<String> reasons = new ArrayList<>();
        for (int i = 1; i < recs.size(); i++) {
            int n = i;
            reasons.add(assertThrows(CrimeCsv.RejectedRow.class, () -> CrimeCsv.row(layout, recs.get(n)))
                    .getMessage());
        }
        assertTrue(reasons.get(0).startsWith("month: '2018-13'"), reasons.get(0));
        assertTrue(reasons.get(1).startsWith("longitude: 'abc'"), reasons.get(1));
        assertTrue(reasons.get(2).contains("outside -90..90"), reasons.get(2));
        assertTrue(reasons.get(3).contains("latitude is empty"), reasons.get(3));
        assertEquals("crime_type: empty", reasons.get(4));
        assertEquals("expected 6 fields, found 4", reasons.get(5));
        assertTrue(reasons.get(6).contains("not valid UTF-8"), reasons.get(6));
    }

    @Test
    void occurrenceCounterSeparatesIdenticalIdlessRows() {
        var c = new CrimeImporter.LongCounter();
        for (int i = 0; i < 10_000; i++) {
            assertEquals(0, c.next(String.format("%032x", i)));
        }
        assertEquals(1, c.next(String.format("%032x", 5)));
        assertEquals(2, c.next(String.format("%032x", 5)));
    }
}
