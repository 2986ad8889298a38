package cz.safecity.system.stats;

import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.stats.StatsFixture.ADMIN;
import static cz.safecity.system.stats.StatsFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cz.safecity.system.SystemTestSupport.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Essex Police sample (data.police.uk, January 2018, 14,786 records) imported into a test city: counts per
 * crime type and per outcome equal an independent count of the file (a hand-written quote-aware splitter here, not
 * the CSV library the importer uses); a second import adds nothing and reports every row as a duplicate. The city's
 * districts are in Prague, so every record is unlocated — counted, not dropped. Skipped without
 * {@code ../shared/data}.
 */
class EssexImportIT {

    static final Path FILE = Path.of(System.getProperty("shared.data", "../../shared/data"),
            "police-uk-essex-2018-01-street.csv");
    static String city;
    static String csv;
    static Reply first;

    @BeforeAll
    static void importOnce() throws Exception {
        assumeTrue(Files.exists(FILE), "no shared data at " + FILE);
        csv = Files.readString(FILE, StandardCharsets.UTF_8);
        city = StatsFixture.cityWithDistricts("Stats Essex IT");
        first = StatsFixture.csv(city, "format=police-uk", "platform-admin", csv);
    }

    /** Splits one CSV line (no line breaks inside fields in this file), honouring "…" quoting and "" escapes. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        out.add(f.toString());
        return out;
    }

    static Map<String, Long> count(String column) {
        String[] lines = csv.split("\r?\n");
        int idx = split(lines[0]).indexOf(column);
        Map<String, Long> out = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String v = split(lines[i]).get(idx).strip();
            out.merge(v.isEmpty() ? "null" : v, 1L, Long::sum);
        }
        return out;
    }

    @Test
    void countsPerTypeAndOutcomeMatchTheFile() {
        assertEquals(200, first.status(), first.toString());
        Map<String, Long> types = count("crime_type");
        long rowsInFile = types.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(14_786, rowsInFile);
        assertEquals(rowsInFile, first.json().getJsonNumber("imported").longValue(), first.body());
        assertEquals(0, first.json().getJsonArray("rejected").size(), first.body());
        assertEquals(rowsInFile, first.json().getJsonNumber("unlocated").longValue(), "Essex is outside the city");
        String base = "/api/cities/" + city + "/stats/crimes?from=2018-01&to=2018-01&by=";
        assertEquals(types, new TreeMap<>(rows(get(base + "type", ADMIN))));
        assertEquals(count("last_outcome_category"), new TreeMap<>(rows(get(base + "outcome", ADMIN))));
        Map<String, Long> cleared = rows(get(base + "cleared", ADMIN));
        assertEquals(rowsInFile, cleared.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(3420L, rows(get(base + "category", ADMIN)).get("anti-social"));
        assertEquals(Map.of("null", rowsInFile), rows(get(base + "district", ADMIN)));
    }

    @Test
    void aSecondImportReportsEveryRowAsDuplicate() {
        assertEquals(200, first.status(), first.toString());
        Reply again = StatsFixture.csv(city, "format=police-uk", "platform-admin", csv);
        assertEquals(200, again.status(), again.toString());
        assertEquals(0, again.json().getInt("imported"));
        assertEquals(14_786, again.json().getInt("duplicates"));
        String base = "/api/cities/" + city + "/stats/crimes?from=2018-01&to=2018-01&by=month";
        assertEquals(Map.of("2018-01", 14_786L), rows(get(base, ADMIN)));
    }

    @Test
    void theOriginalPoliceUkHeaderWorksToo() {
        String original = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
                + "Crime type,Last outcome category,Context";
        String body = original + "\n" + String.join("\n", csv.split("\r?\n", 12)).lines().skip(1).limit(10)
                .reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
        Reply r = StatsFixture.csv(city, "format=police-uk", "platform-admin", body);
        assertEquals(200, r.status(), r.toString());
        assertEquals(10, r.json().getInt("duplicates"), "the same records under the other header");
    }
}
