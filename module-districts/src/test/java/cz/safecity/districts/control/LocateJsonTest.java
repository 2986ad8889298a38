package cz.safecity.districts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cz.safecity.districts.entity.BoroughRef;
import cz.safecity.districts.entity.BoundaryRef;
import cz.safecity.districts.entity.ContactPointView;
import cz.safecity.districts.entity.DistrictCard;
import cz.safecity.districts.entity.Located;
import cz.safecity.districts.entity.RecommendationView;
import cz.safecity.districts.entity.WorkingGroupMember;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LocateJson} writes exactly the bytes JSON-B (Yasson, as in Payara) writes for the same {@link Located}: the
 * locate answer is the same, byte for byte, whether written by hand around a rendered card or by JSON-B.
 */
class LocateJsonTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private static byte[] jsonb(Object o) {
        return JSONB.toJson(o).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyCharacterIsEscapedAsJsonPWritesIt() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            all.append(c);
        }
        all.append("\ud83d\ude93 \"quoted\" back\\slash /slash \u2028\u2029\ufeff\uffff");
        String s = all.toString();
        StringWriter expected = new StringWriter();
        try (JsonGenerator g = Json.createGenerator(expected)) {
            g.writeStartArray().write(s).writeEnd();
        }
        StringBuilder actual = new StringBuilder("[");
        LocateJson.string(actual, s);
        assertEquals(expected.toString(), actual.append(']').toString());
    }

    @Test
    void theAnswerIsTheBytesJsonBWritesForLocated() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            DistrictCard card = card(random, i);
            List<Located.Neighbour> neighbours = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                neighbours.add(new Located.Neighbour(n % 3 == 0 ? "1-\"" + n : "1-" + n,
                        n % 2 == 0 ? "Okrsek č. " + n + " \\ \t" : "Praha 4 – okrsek " + n,
                        Math.round(random.nextDouble() * 250) / 10.0));
            }
            double lon = random.nextInt(10) == 0 ? 14.0 : 14.35 + random.nextDouble() * 0.23;
            double lat = random.nextInt(10) == 0 ? -0.0 : 50.02 + random.nextDouble() * 0.1;
            double edge = random.nextInt(10) == 0 ? 0.0 : Math.round(random.nextDouble() * 30000) / 10.0;
            LocalDate at = LocalDate.of(2020 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
            Located located = new Located(lon, lat, at, card, edge, edge <= 25, 25, List.copyOf(neighbours));
            byte[] ours = LocateJson.located(lon, lat, at, jsonb(card), edge, edge <= 25, 25,
                    List.copyOf(neighbours));
            assertEquals(new String(jsonb(located), StandardCharsets.UTF_8), new String(ours, StandardCharsets.UTF_8));
        }
    }

    private static DistrictCard card(Random random, int i) {
        BoroughRef borough = i % 3 == 0 ? null : new BoroughRef("4", "Praha 4", "borough");
        BoundaryRef version = new BoundaryRef(12, 1, LocalDate.of(2024, 1, 1), i % 5 == 0, "import");
        List<Object> members = i % 2 == 0 ? List.of() : List.of(new WorkingGroupMember("constable",
                "Městská policie Praha", "Jana \"Novák\"", null, null, "+420 123", "a@b.cz", null, true,
                LocalDate.of(2025, 2, 1), null, "/api/cities/praha/districts/1-8/working-group/constable.vcf"));
        List<Object> stations = i % 4 == 0 ? List.of() : List.of(new ContactPointView(3, "1-8",
                "info-box", "Infobox Anděl", null, "Po–Pá 8–16", 14.40, 50.07, Instant.parse("2026-11-29T10:15:30Z")));
        List<Object> advice = List.of(new RecommendationView(5, null, "cs", 1, null, "Zamykejte.\nVždy."));
        return new DistrictCard(1000 + i, "1-" + i, "Praha 1 – okrsek " + i, borough, i % 5 == 0, version,
                random.nextDouble() * 1e6, null, members, stations, advice);
    }
}
