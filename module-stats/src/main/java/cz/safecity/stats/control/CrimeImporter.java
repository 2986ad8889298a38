package cz.safecity.stats.control;

import cz.safecity.platform.contract.DistrictAt;
import cz.safecity.platform.contract.DistrictDirectory;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a spooled CSV file into {@code stats_crime_record} and {@code stats_crime_aggregate}: one record at a time
 * (the heap holds one batch of {@value #BATCH} rows, the counters and a bounded locate cache, whatever the file's
 * size), multi-row {@code insert … on conflict do nothing returning record_id} so that a re-import is idempotent by
 * (city, source, record id) and the aggregate counts only rows really inserted. Each record is assigned to the
 * district in force at its date through {@link DistrictDirectory}. The whole import is one transaction: a file that
 * cannot be read to its end (broken quoting) leaves nothing behind and says where it broke; bad rows are rejected
 * one by one with their line number and the import goes on.
 */
@ApplicationScoped
public class CrimeImporter {

    static final int BATCH = 1000;
    static final int PROGRESS_EVERY = 20_000;
    static final int LOCATE_CACHE = 50_000;
    /** Aggregate combinations held before they are written (upserted) within the import's transaction. */
    static final int AGGREGATES_HELD = 20_000;
    private static final Logger LOG = Logger.getLogger(CrimeImporter.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final String COLUMNS = "(tenant_id, source, record_id, occurred_on, crime_type, outcome, category,"
            + " cleared, district_code, lat, lon, demo, import_id)";
    private static final int PARAMS = 13;

    @Resource(lookup = "jdbc/safecity")
    DataSource db;
    @Inject
    ImportJobs jobs;
    @Inject
    CodeListStore codeLists;
    @Inject
    Transactions transactions;

    /** A fatal import failure: nothing was kept. */
    public static final class ImportFailed extends RuntimeException {
        final Long line;

        ImportFailed(String message, Long line, Throwable cause) {
            super(message, cause);
            this.line = line;
        }

        public ProblemException problem() {
            ProblemException p = new ProblemException(line != null ? 422 : 503,
                    line != null ? "broken-csv" : "import-failed", line != null ? "Broken CSV" : "Import failed",
                    getMessage() + "; nothing was imported", "body");
            return line != null ? p.with("line", line) : p;
        }
    }

    /** Reads the header line of a spooled file and checks it against the spec (problems as {@link CrimeCsv#layout}). */
    public CrimeCsv.Layout header(CrimeCsv.Spec spec, Path file) {
        try (Reader in = reader(file); CSVParser p = CSVParser.builder().setReader(in).setFormat(spec.csvFormat())
                .get()) {
            Iterator<CSVRecord> it = p.iterator();
            if (!it.hasNext()) {
                throw new ProblemException(400, "empty-file", "Empty file", "body: the file has no header line",
                        "body");
            }
            return CrimeCsv.layout(spec, it.next().toList());
        } catch (IOException | UncheckedIOException e) {
            throw new ProblemException(422, "broken-csv", "Broken CSV", "body: the header line cannot be read: "
                    + e.getMessage(), "body").with("line", 1);
        }
    }

    /**
     * Imports the file as job {@code job}: finishes the job with the report, or fails it.
     *
     * @throws ImportFailed when the file breaks off (then the job is failed and nothing was kept)
     */
    public ImportReport run(long job, TenantId city, CrimeCsv.Spec spec, Path file, boolean demo,
                            DistrictDirectory directory) {
        CodeLists.Mapping mapping = codeLists.mapping(city, spec.source());
        try {
            return transactions.inNew(() -> {
                try {
                    return importFile(job, city, spec, file, demo, directory, mapping);
                } catch (SQLException | IOException e) {
                    throw new UncheckedIOException(new IOException(e));
                }
            });
        } catch (ImportFailed e) {
            jobs.fail(job, e.getMessage(), e.line);
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stats import job " + job + " failed", e);
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String reason = root instanceof SQLException ? "database: " + root.getMessage() : cause(e);
            jobs.fail(job, reason, null);
            throw new ImportFailed(reason, null, e);
        }
    }

    /** The import inside the caller's transaction (the connection joins it; no commit or rollback here). */
    private ImportReport importFile(long job, TenantId city, CrimeCsv.Spec spec, Path file, boolean demo,
                                    DistrictDirectory directory, CodeLists.Mapping mapping)
            throws SQLException, IOException {
        Counters n = new Counters();
        long lastEnd = 1;
        try (Connection c = db.getConnection(); Reader in = reader(file);
             CSVParser p = CSVParser.builder().setReader(in).setFormat(spec.csvFormat()).get()) {
            Iterator<CSVRecord> it = p.iterator();
            CrimeCsv.Layout layout = CrimeCsv.layout(spec, it.next().toList());
            lastEnd = p.getCurrentLineNumber();
            jobs.progress(job, lastEnd, 0, 0, 0, 0);
            Batch batch = new Batch(c, city, spec.source(), job, demo);
            Map<String, String> located = new HashMap<>();
            LongCounter idless = new LongCounter();
            while (true) {
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new ImportFailed("line " + (lastEnd + 1) + ": " + cause(e), lastEnd + 1, e);
                }
                long line = lastEnd + 1;
                lastEnd = p.getCurrentLineNumber();
                n.rows++;
                CrimeCsv.Row row;
                try {
                    row = CrimeCsv.row(layout, r);
                } catch (CrimeCsv.RejectedRow e) {
                    n.reject(line, e.getMessage());
                    continue;
                }
                String id = row.recordId() != null ? row.recordId()
                        : "h:" + row.contentKey() + ":" + idless.next(row.contentKey());
                String district = locate(directory, city, row, located);
                Pending pending = new Pending(id, row, mapping.category(row.type()), mapping.cleared(row.outcome()),
                        district);
                if (!batch.add(pending)) {
                    n.duplicates++;
                }
                if (batch.full()) {
                    batch.flush(n);
                }
                if (n.rows % PROGRESS_EVERY == 0) {
                    jobs.progress(job, lastEnd, n.imported, n.duplicates, n.unlocated, n.rejectedTotal);
                }
            }
            batch.flush(n);
            batch.finish();
            ImportReport report = n.report();
            jobs.finish(c, job, lastEnd, report, JSON.toJson(report));
            return report;
        }
    }

    private static String cause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    private static Reader reader(Path file) throws IOException {
        // malformed UTF-8 becomes U+FFFD, which CrimeCsv rejects per row with its line number
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    private static String locate(DistrictDirectory directory, TenantId city, CrimeCsv.Row row,
                                 Map<String, String> cache) {
        if (row.lat() == null) {
            return "";
        }
        String key = row.lat() + "," + row.lon() + "," + row.date();
        String hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        String code = directory.locate(city, row.lat(), row.lon(), row.date()).map(DistrictAt::district)
                .map(d -> d.code()).orElse("");
        if (cache.size() >= LOCATE_CACHE) {
            cache.clear();
        }
        cache.put(key, code);
        return code;
    }

    /** A row ready to insert. */
    record Pending(String id, CrimeCsv.Row row, String category, String cleared, String district) {
    }

    /** Aggregate key of a record. */
    record AggKey(LocalDate month, String district, String category, String type, String outcome, String cleared) {
    }

    static final class Counters {
        long rows;
        long imported;
        long duplicates;
        long unlocated;
        long rejectedTotal;
        final List<ImportReport.Rejected> rejected = new ArrayList<>();

        void reject(long line, String reason) {
            rejectedTotal++;
            if (rejected.size() < ImportReport.MAX_LISTED) {
                rejected.add(new ImportReport.Rejected(line, reason));
            }
        }

        ImportReport report() {
            return new ImportReport(imported, duplicates, unlocated, List.copyOf(rejected),
                    rejectedTotal > rejected.size() ? rejectedTotal : null);
        }
    }

    /** Up to {@value #BATCH} rows, inserted in one statement; counts what was inserted into the aggregate map. */
    static final class Batch {
        private final Connection c;
        private final TenantId city;
        private final String source;
        private final long job;
        private final boolean demo;
        private final Map<String, Pending> rows = new LinkedHashMap<>();
        private final Map<AggKey, Long> aggregates = new HashMap<>();
        private final Map<LocalDate, long[]> months = new HashMap<>();
        private PreparedStatement full;

        Batch(Connection c, TenantId city, String source, long job, boolean demo) {
            this.c = c;
            this.city = city;
            this.source = source;
            this.job = job;
            this.demo = demo;
        }

        /** False when the batch already holds a row with this id (a duplicate within the file). */
        boolean add(Pending p) {
            return rows.putIfAbsent(p.id(), p) == null;
        }

        boolean full() {
            return rows.size() >= BATCH;
        }

        void flush(Counters n) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            PreparedStatement s;
            if (rows.size() == BATCH) {
                if (full == null) {
                    full = c.prepareStatement(sql(BATCH));
                }
                s = full;
            } else {
                s = c.prepareStatement(sql(rows.size()));
            }
            int i = 0;
            for (Pending p : rows.values()) {
                int o = i * PARAMS;
                s.setString(o + 1, city.slug());
                s.setString(o + 2, source);
                s.setString(o + 3, p.id());
                s.setObject(o + 4, p.row().date());
                s.setString(o + 5, p.row().type());
                s.setString(o + 6, p.row().outcome());
                s.setString(o + 7, p.category());
                s.setString(o + 8, p.cleared());
                s.setString(o + 9, p.district());
                if (p.row().lat() == null) {
                    s.setNull(o + 10, Types.DOUBLE);
                    s.setNull(o + 11, Types.DOUBLE);
                } else {
                    s.setDouble(o + 10, p.row().lat());
                    s.setDouble(o + 11, p.row().lon());
                }
                s.setBoolean(o + 12, demo);
                s.setLong(o + 13, job);
                i++;
            }
            int inserted = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Pending p = rows.get(r.getString(1));
                    inserted++;
                    if (p.district().isEmpty()) {
                        n.unlocated++;
                    }
                    AggKey k = new AggKey(p.row().date().withDayOfMonth(1), p.district(), p.category(),
                            p.row().type(), p.row().outcome(), p.cleared());
                    aggregates.merge(k, 1L, Long::sum);
                }
            }
            if (aggregates.size() >= AGGREGATES_HELD) {
                writeAggregates();
            }
            if (s != full) {
                s.close();
            }
            n.imported += inserted;
            n.duplicates += rows.size() - inserted;
            rows.clear();
        }

        private static String sql(int count) {
            StringBuilder b = new StringBuilder("insert into stats_crime_record ").append(COLUMNS).append(" values ");
            String one = "(?" + ",?".repeat(PARAMS - 1) + ")";
            for (int i = 0; i < count; i++) {
                b.append(i == 0 ? "" : ",").append(one);
            }
            return b.append(" on conflict do nothing returning record_id").toString();
        }

        /** Upserts the held aggregate counts (and adds them to the month totals), then forgets them. */
        void writeAggregates() throws SQLException {
            try (PreparedStatement s = c.prepareStatement("insert into stats_crime_aggregate (tenant_id, month, "
                    + "district_code, category, source, crime_type, outcome, cleared, count) values (?,?,?,?,?,?,?,?,?)"
                    + " on conflict (tenant_id, month, district_code, category, source, crime_type, outcome, cleared)"
                    + " do update set count = stats_crime_aggregate.count + excluded.count")) {
                int pending = 0;
                for (Map.Entry<AggKey, Long> e : aggregates.entrySet()) {
                    AggKey k = e.getKey();
                    s.setString(1, city.slug());
                    s.setObject(2, k.month());
                    s.setString(3, k.district());
                    s.setString(4, k.category());
                    s.setString(5, source);
                    s.setString(6, k.type());
                    s.setString(7, k.outcome());
                    s.setString(8, k.cleared());
                    s.setLong(9, e.getValue());
                    s.addBatch();
                    if (++pending % 500 == 0) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            int cats = CodeLists.CATEGORIES.size();
            for (Map.Entry<AggKey, Long> e : aggregates.entrySet()) {
                long[] m = months.computeIfAbsent(e.getKey().month(), k -> new long[3 + cats]);
                long n = e.getValue();
                m[0] += n;
                if (CodeLists.CLEARED.equals(e.getKey().cleared())) {
                    m[1] += n;
                } else if (CodeLists.NOT_CLEARED.equals(e.getKey().cleared())) {
                    m[2] += n;
                }
                m[3 + CodeLists.CATEGORIES.indexOf(e.getKey().category())] += n;
            }
            aggregates.clear();
        }

        /** Writes what is still held, then the month totals; the end of the import. */
        void finish() throws SQLException {
            if (full != null) {
                full.close();
            }
            writeAggregates();
            writeCityMonths();
        }

        /** The city × month rollup ({@code stats_crime_city_month}) of what this import inserted. */
        private void writeCityMonths() throws SQLException {
            int cats = CodeLists.CATEGORIES.size();
            StringBuilder cols = new StringBuilder("offences, cleared, not_cleared");
            StringBuilder set = new StringBuilder();
            for (String c : CityMonths.COLUMNS) {
                set.append(set.length() == 0 ? "" : ", ").append(c).append(" = t.").append(c).append(" + excluded.")
                        .append(c);
            }
            CodeLists.CATEGORIES.forEach(c -> cols.append(", ").append(CityMonths.column(c)));
            String sql = "insert into stats_crime_city_month as t (tenant_id, month, " + cols + ") values (?, ?"
                    + ", ?".repeat(3 + cats) + ") on conflict (tenant_id, month) do update set " + set;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (Map.Entry<LocalDate, long[]> e : months.entrySet()) {
                    s.setString(1, city.slug());
                    s.setObject(2, e.getKey());
                    for (int i = 0; i < 3 + cats; i++) {
                        s.setLong(3 + i, e.getValue()[i]);
                    }
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    /** Occurrence counter for id-less rows by content hash (an open-addressing long → int map; flat per row). */
    static final class LongCounter {
        private long[] keys = new long[1 << 12];
        private int[] counts = new int[1 << 12];
        private int size;

        /** 0 for the first row with this content, 1 for the second… */
        int next(String hexKey) {
            long k = Long.parseUnsignedLong(hexKey.substring(0, 16), 16)
                    ^ Long.parseUnsignedLong(hexKey.substring(16, 32), 16) * 0x9E3779B97F4A7C15L;
            if (k == 0) {
                k = 1; // 0 marks a free slot
            }
            if (size * 2 >= keys.length) {
                grow();
            }
            int i = slot(keys, k);
            if (keys[i] == 0) {
                keys[i] = k;
                size++;
            }
            return counts[i]++;
        }

        private static int slot(long[] keys, long k) {
            int mask = keys.length - 1;
            int i = (int) (k ^ (k >>> 32)) & mask;
            while (keys[i] != 0 && keys[i] != k) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            long[] ok = keys;
            int[] oc = counts;
            keys = new long[ok.length * 2];
            counts = new int[ok.length * 2];
            for (int j = 0; j < ok.length; j++) {
                if (ok[j] != 0) {
                    int i = slot(keys, ok[j]);
                    keys[i] = ok[j];
                    counts[i] = oc[j];
                }
            }
        }
    }
}
