package cz.safecity.system.stats;

import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.SystemTestSupport.newCity;
import static cz.safecity.system.stats.StatsFixture.ADMIN;
import static cz.safecity.system.stats.StatsFixture.assertProblem;
import static cz.safecity.system.stats.StatsFixture.csv;
import static cz.safecity.system.stats.StatsFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.SystemTestSupport.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crime-record import over HTTP: the Czech police export (fixture written from the format's description) into a
 * city with two boundary versions (district at the record's date, unlocated counted, bad rows by line), idempotent
 * re-import, the async job, bad CSV (wrong delimiter, missing columns, broken quotes, invalid UTF-8, an oversized
 * upload), code lists, public suppression and tenant isolation.
 */
class CrimeImportIT {

    /** Lines 2–10; 8 (S-JTSK coordinates) and 9 (30 February) are rejected. */
    static final String CZ = """
            id,x,y,mp,date,state,relevance,types
            CZ-1,14.405,50.085,1,2024-03-02,1,1,302
            CZ-2,14.415,50.095,0,2024-03-05T21:40:00,2,1,301
            CZ-3,14.405,50.095,1,2024-03-17 08:15:00,3,2,102|501
            CZ-4,,,0,2024-03-20,2,3,303
            CZ-5,14.415,50.085,1,2024-04-01,4,1,999
            CZ-6,13.0,49.0,1,2024-04-02,1,1,302
            CZ-7,-825000,-1070000,1,2024-04-02,1,1,302
            CZ-8,14.405,50.085,1,2024-02-30,1,1,302
            CZ-9,14.405,50.085,1,2024-04-03,,1,305
            """;
    static final String PERIOD = "from=2024-03&to=2024-04";

    static String city;
    static JsonObject first;

    @BeforeAll
    static void importCzPolice() {
        city = StatsFixture.cityWithDistricts("Stats import IT");
        Reply r = csv(city, "format=cz-police", ADMIN, CZ);
        assertEquals(200, r.status(), r.toString());
        first = r.json();
    }

    @Test
    void reportSaysImportedUnlocatedAndRejectedByLine() {
        assertEquals(7, first.getInt("imported"), first.toString());
        assertEquals(0, first.getInt("duplicates"));
        assertEquals(2, first.getInt("unlocated"), "no coordinates (CZ-4) and outside every district (CZ-6)");
        JsonArray rejected = first.getJsonArray("rejected");
        assertEquals(2, rejected.size(), rejected.toString());
        assertEquals(8, rejected.getJsonObject(0).getInt("line"));
        assertTrue(rejected.getJsonObject(0).getString("reason").contains("S-JTSK"), rejected.toString());
        assertEquals(9, rejected.getJsonObject(1).getInt("line"));
        assertTrue(rejected.getJsonObject(1).getString("reason").contains("2024-02-30"), rejected.toString());
    }

    @Test
    void recordsLandInTheDistrictInForceAtTheirDate() {
        Map<String, Long> byDistrict = rows(get("/api/cities/" + city + "/stats/crimes?" + PERIOD + "&by=district",
                ADMIN));
        assertEquals(Map.of("A1", 1L, "A2", 1L, "B2", 1L, "E", 1L, "W", 1L, "null", 2L), byDistrict);
    }

    @Test
    void typesOutcomesCategoriesAndClearance() {
        String base = "/api/cities/" + city + "/stats/crimes?" + PERIOD + "&by=";
        assertEquals(Map.of("302", 2L, "301", 1L, "102", 1L, "303", 1L, "999", 1L, "305", 1L),
                rows(get(base + "type", ADMIN)));
        assertEquals(Map.of("theft", 3L, "burglary", 1L, "violence", 1L, "vehicle", 1L, "other", 1L),
                rows(get(base + "category", ADMIN)));
        assertEquals(Map.of("cleared", 2L, "not-cleared", 3L, "pending", 1L, "unknown", 1L),
                rows(get(base + "cleared", ADMIN)));
        assertEquals(Map.of("2024-03", 4L, "2024-04", 3L), rows(get(base + "month", ADMIN)));
        JsonObject summary = get("/api/cities/" + city + "/stats/summary?" + PERIOD, ADMIN).json();
        assertEquals(7, summary.getInt("offences"));
        assertEquals(7.0, summary.getJsonNumber("per1000").doubleValue(), 1e-9);
        assertEquals(40.0, summary.getJsonNumber("clearanceRate").doubleValue(), 1e-9, "2 of 5 final outcomes");
    }

    @Test
    void reImportAddsNothing() {
        Reply again = csv(city, "format=cz-police", ADMIN, CZ);
        assertEquals(200, again.status(), again.toString());
        assertEquals(0, again.json().getInt("imported"));
        assertEquals(7, again.json().getInt("duplicates"));
        assertEquals(2, again.json().getJsonArray("rejected").size());
        JsonObject summary = get("/api/cities/" + city + "/stats/summary?" + PERIOD, ADMIN).json();
        assertEquals(7, summary.getInt("offences"));
    }

    /** A mapped source of its own, in a month of its own: ids repeated within a file, across files, at once. */
    @Test
    void eachIdCountsOnceWithinAFileAcrossFilesAndAcrossConcurrentImports() throws Exception {
        String query = "format=mapped&source=overlap-test&idColumn=id&dateColumn=date&latColumn=lat&lonColumn=lon"
                + "&typeColumn=type&outcomeColumn=outcome";
        String header = "id,date,lat,lon,type,outcome\n";
        Reply one = csv(city, query, ADMIN, header + "O1,2021-05-01,50.085,14.405,first,x\n"
                + "O2,2021-05-02,50.085,14.405,first,x\nO2,2021-05-03,50.085,14.405,second,x\n"
                + "O3,2021-05-04,,,first,x\n");
        assertEquals(200, one.status(), one.toString());
        assertEquals(3, one.json().getInt("imported"), one.toString());
        assertEquals(1, one.json().getInt("duplicates"), "the second O2 line: the first line wins");
        assertEquals(1, one.json().getInt("unlocated"));
        Reply two = csv(city, query, ADMIN, header + "O3,2021-05-04,,,first,x\nO4,2021-05-05,50.085,14.405,"
                + "second,x\nO4,2021-05-06,50.085,14.405,first,x\n");
        assertEquals(200, two.status(), two.toString());
        assertEquals(1, two.json().getInt("imported"), two.toString());
        assertEquals(2, two.json().getInt("duplicates"), "O3 from the first file, the second O4 line");
        assertEquals(0, two.json().getInt("unlocated"), "O3 (unlocated) was a duplicate");
        String base = "/api/cities/" + city + "/stats/crimes?from=2021-05&to=2021-05&by=";
        assertEquals(Map.of("first", 3L, "second", 1L), rows(get(base + "type", ADMIN)));
        assertEquals(Map.of("2021-05", 4L), rows(get(base + "month", ADMIN)));

        // the same new ids from two imports at the same moment: each id is kept once, the reports add up
        StringBuilder body = new StringBuilder(header);
        for (int i = 0; i < 200; i++) {
            body.append("P").append(i).append(",2021-05-10,50.085,14.405,third,x\n");
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<Reply>> both = pool.invokeAll(java.util.List.of(
                    () -> csv(city, query, ADMIN, body.toString()), () -> csv(city, query, ADMIN, body.toString())));
            int imported = 0;
            int duplicates = 0;
            for (java.util.concurrent.Future<Reply> f : both) {
                assertEquals(200, f.get().status(), f.get().toString());
                imported += f.get().json().getInt("imported");
                duplicates += f.get().json().getInt("duplicates");
            }
            assertEquals(200, imported);
            assertEquals(200, duplicates);
        } finally {
            pool.shutdown();
        }
        assertEquals(Map.of("first", 3L, "second", 1L, "third", 200L), rows(get(base + "type", ADMIN)));
    }

    @Test
    void publicCountsSuppressSmallCells() {
        Map<String, Long> pub = rows(get("/api/cities/" + city + "/stats/crimes?" + PERIOD + "&by=district", null));
        assertTrue(pub.values().stream().allMatch(v -> v == null), "every cell is under 3: " + pub);
        JsonObject cell = get("/api/cities/" + city + "/stats/crimes?" + PERIOD + "&by=district", null).json()
                .getJsonArray("rows").getJsonObject(0);
        assertTrue(cell.getBoolean("suppressed"));
        // the district table says no more than the cells: no count, no rate, no cleared counts under the minimum
        for (jakarta.json.JsonValue v : get("/api/cities/" + city + "/stats/districts?" + PERIOD, null).json()
                .getJsonArray("districts")) {
            JsonObject d = v.asJsonObject();
            if (d.getBoolean("suppressed", false)) {
                assertTrue(d.isNull("offences") && d.isNull("clearanceRate") && d.isNull("cleared"), d.toString());
            } else {
                assertTrue(d.getJsonNumber("offences").longValue() == 0 || d.getJsonNumber("offences").longValue() >= 3,
                        d.toString());
            }
        }
        JsonObject staff = get("/api/cities/" + city + "/stats/districts?" + PERIOD, ADMIN).json();
        assertTrue(staff.getJsonArray("districts").stream().anyMatch(v -> !v.asJsonObject().isNull("offences")
                && v.asJsonObject().getJsonNumber("offences").longValue() == 1), staff.toString());
        assertEquals(java.util.List.of("2024-03", "2024-04"), get("/api/cities/" + city + "/stats/crimes?" + PERIOD
                + "&by=month", null).json().getJsonArray("rows").stream()
                .map(v -> v.asJsonObject().getString("key")).toList(), "months in calendar order");
    }

    @Test
    void asyncImportIsAJobWithProgressAndTheSameReport() throws Exception {
        String slug = StatsFixture.cityWithDistricts("Stats async IT");
        Reply accepted = csv(slug, "format=cz-police&async=true", "platform-admin", CZ);
        assertEquals(202, accepted.status(), accepted.toString());
        String location = accepted.raw().headers().firstValue("Location").orElseThrow();
        String path = URI.create(location).getPath();
        JsonObject job = null;
        for (int i = 0; i < 100; i++) {
            job = get(path, ADMIN).json();
            if (job.getString("status").equals("done") || job.getString("status").equals("failed")) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("done", job.getString("status"), job.toString());
        assertEquals(7, job.getJsonObject("report").getInt("imported"));
        assertEquals(2, job.getJsonObject("report").getInt("unlocated"));
        assertEquals(10, job.getInt("linesRead"));
    }

    @Test
    void wrongDelimiterIsAProblemNamingIt() {
        Reply r = csv(city, "format=cz-police", ADMIN, CZ.replace(',', ';'));
        assertProblem(r, 422, "wrong-delimiter");
        assertTrue(r.json().getString("detail").contains("';'"), r.body());
    }

    @Test
    void missingColumnsAreListed() {
        Reply r = csv(city, "format=police-uk", ADMIN, CZ);
        assertProblem(r, 422, "missing-columns");
        assertTrue(r.json().getJsonArray("missing").toString().contains("crime_type"), r.body());
    }

    @Test
    void brokenQuotesAbortWithTheLineAndKeepNothing() {
        String broken = "id,x,y,mp,date,state,relevance,types\n"
                + "Q-1,14.405,50.085,1,2019-05-02,1,1,302\n"
                + "Q-2,14.405,50.085,1,2019-05-02,1,1,\"302\n"
                + "Q-3,14.405,50.085,1,2019-05-02,1,1,302\n";
        Reply r = csv(city, "format=cz-police", ADMIN, broken);
        assertProblem(r, 422, "broken-csv");
        assertEquals(3, r.json().getInt("line"), r.body());
        assertTrue(r.json().getString("detail").contains("nothing was imported"), r.body());
        assertEquals(Map.of(), rows(get("/api/cities/" + city + "/stats/crimes?from=2019-05&to=2019-05&by=type",
                ADMIN)));
    }

    @Test
    void invalidUtf8IsRejectedByLine() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("id,x,y,mp,date,state,relevance,types\nU-1,14.405,50.085,1,2019-06-02,1,1,302\nU-2,14.405,50.085,1,"
                .getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {'2', '0', '1', '9', '-', '0', '6', '-', '0', '2', ',', '1', ',', '1', ',', (byte) 0xC3,
                (byte) 0x28, '\n'});
        Reply r = StatsFixture.csvBytes(city, "format=cz-police", ADMIN, b.toByteArray());
        assertEquals(200, r.status(), r.toString());
        assertEquals(1, r.json().getInt("imported"));
        JsonObject rej = r.json().getJsonArray("rejected").getJsonObject(0);
        assertEquals(3, rej.getInt("line"));
        assertTrue(rej.getString("reason").contains("UTF-8"), rej.toString());
    }

    @Test
    void aHundredMegabyteUploadOverTheLimitIsRefusedWithoutBeingRead() throws Exception {
        String slug = StatsFixture.cityWithDistricts("Stats limit IT");
        StatsFixture.statsSettings(slug, "{\"maxImportMegabytes\":50}");
        URI base = URI.create(cz.safecity.system.SystemTestSupport.BASE);
        try (java.net.Socket s = new java.net.Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(30_000);
            String head = "POST /api/cities/" + slug + "/crime-records?format=cz-police HTTP/1.1\r\nHost: "
                    + base.getHost() + "\r\nAuthorization: Bearer " + cz.safecity.system.SystemTestSupport.token(ADMIN)
                    + "\r\nContent-Type: text/csv\r\nAccept: application/json\r\nContent-Length: "
                    + (100L * 1024 * 1024) + "\r\nConnection: close\r\n\r\nid,x,y,mp,date,state,relevance,types\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            java.io.InputStream in = s.getInputStream();
            StringBuilder answer = new StringBuilder();
            long deadline = System.currentTimeMillis() + 20_000;
            while (!answer.toString().contains("payload-too-large") && System.currentTimeMillis() < deadline) {
                int ch = in.read();
                if (ch < 0) {
                    break;
                }
                answer.append((char) ch);
            }
            assertTrue(answer.toString().startsWith("HTTP/1.1 413"), answer.toString());
            while (!answer.toString().endsWith("}") && System.currentTimeMillis() < deadline) {
                int ch = in.read();
                if (ch < 0) {
                    break;
                }
                answer.append((char) ch);
            }
            assertTrue(answer.toString().contains("50 MB"), answer.toString());
        }
    }

    @Test
    void badParametersAreProblems() {
        assertProblem(csv(city, "format=excel", ADMIN, CZ), 400, "invalid-input");
        assertProblem(csv(city, "", ADMIN, CZ), 400, "invalid-input");
        assertProblem(csv(city, "format=mapped&dateColumn=date", ADMIN, CZ), 400, "invalid-input");
        assertProblem(csv(city, "format=cz-police", ADMIN, ""), 400, "empty-file");
        assertProblem(get("/api/cities/" + city + "/stats/crimes?from=2024-13&by=type", ADMIN), 400,
                "invalid-input");
        assertProblem(get("/api/cities/" + city + "/stats/crimes?by=colour", ADMIN), 400, "invalid-input");
    }

    @Test
    void mappedFormatWithItsOwnCodeLists() {
        String slug = city;
        Reply put = cz.safecity.system.SystemTestSupport.put("/api/cities/" + slug + "/stats/code-lists/mp-test",
                ADMIN, "{\"types\":{\"KR\":\"theft\"},\"outcomes\":{\"OK\":\"cleared\",\"NE\":\"not-cleared\"}}");
        assertEquals(200, put.status(), put.toString());
        String body = "cislo;datum;sirka;delka;druh;vysledek\nM1;2019-07-01;50.085;14.405;KR;OK\n"
                + "M2;2019-07-02;50.095;14.415;XX;NE\n";
        Reply r = csv(slug, "format=mapped&source=mp-test&delimiter=%3B&idColumn=cislo&dateColumn=datum"
                + "&latColumn=sirka&lonColumn=delka&typeColumn=druh&outcomeColumn=vysledek", ADMIN, body);
        assertEquals(200, r.status(), r.toString());
        assertEquals(2, r.json().getInt("imported"));
        String base = "/api/cities/" + slug + "/stats/crimes?from=2019-07&to=2019-07&by=";
        assertEquals(Map.of("theft", 1L, "other", 1L), rows(get(base + "category", ADMIN)));
        assertEquals(Map.of("cleared", 1L, "not-cleared", 1L), rows(get(base + "cleared", ADMIN)));
        assertProblem(cz.safecity.system.SystemTestSupport.put("/api/cities/" + slug + "/stats/code-lists/mp-test",
                ADMIN, "{\"types\":{\"KR\":\"fruit\"}}"), 400, "invalid-input");
    }

    @Test
    void anotherCitySeesNothingAndCannotImportHere() {
        String other = newCity("Stats isolation IT", null);
        assertEquals(Map.of(), rows(get("/api/cities/" + other + "/stats/crimes?" + PERIOD + "&by=type", ADMIN)));
        assertProblem(csv(city, "format=cz-police", "police-officer.praha", CZ), 403, "forbidden");
        assertProblem(csv(city, "format=cz-police", "constable.praha", CZ), 403, "forbidden");
        assertProblem(csv(city, "format=cz-police", null, CZ), 401, null);
        JsonArray jobs = get("/api/cities/" + city + "/crime-records/imports", ADMIN).array();
        long jobId = jobs.getJsonObject(0).getJsonNumber("id").longValue();
        assertProblem(get("/api/cities/" + other + "/crime-records/imports/" + jobId, ADMIN), 404, "not-found");
        assertNull(get("/api/cities/" + other + "/stats/summary?" + PERIOD, ADMIN).json().get("clearanceRate")
                instanceof jakarta.json.JsonNumber ? "leak" : null);
    }
}
