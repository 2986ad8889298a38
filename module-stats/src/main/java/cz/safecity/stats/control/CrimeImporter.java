package cz.safecity.stats.control;

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
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;

/**
 * Streams a spooled CSV file into {@code stats_crime_record}, {@code stats_crime_aggregate} and
 * {@code stats_crime_city_month}: one record at a time (the heap holds one batch of {@value #BATCH} rows as COPY
 * text, the counters, a bounded locate cache and an 8-byte hash per distinct id-less row, whatever the file's size).
 * Each batch is COPYed into a temporary table and moved by one statement, {@code insert … on conflict do nothing},
 * whose inserted rows (only those) feed the aggregates, so a re-import is idempotent by (city, source, record id).
 * Each record is assigned to the district in force at its date through {@link DistrictDirectory}. The whole import
 * is one transaction: a file that cannot be read to its end (broken quoting) leaves nothing behind and says where it
 * broke; bad rows are rejected one by one with their line number and the import goes on.
 */
@ApplicationScoped
public class CrimeImporter {

    static final int BATCH = 10_000;
    static final int PROGRESS_EVERY = 20_000;
    static final int LOCATE_CACHE = 50_000;
    private static final Logger LOG = Logger.getLogger(CrimeImporter.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

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
        // No connection is held open across the contract calls: the pool would enlist an open handle in any
        // transaction begun meanwhile on this thread. Each batch takes the transaction's (shared) connection anew.
        try (Reader in = reader(file);
             CSVParser p = CSVParser.builder().setReader(in).setFormat(spec.csvFormat()).get()) {
            Iterator<CSVRecord> it = p.iterator();
            CrimeCsv.Layout layout = CrimeCsv.layout(spec, it.next().toList());
            lastEnd = p.getCurrentLineNumber();
            jobs.progress(job, lastEnd, 0, 0, 0, 0);
            Batch batch = new Batch(db, city, spec.source(), job, demo);
            Map<String, String> located = new HashMap<>();
            LongCounter idless = new LongCounter();
            List<Pending> pending = new ArrayList<>(BATCH);
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
                pending.add(new Pending(id, row, mapping.category(row.type()), mapping.cleared(row.outcome()),
                        null));
                if (pending.size() >= BATCH) {
                    write(pending, batch, n, directory, city, located);
                }
                if (n.rows % PROGRESS_EVERY == 0) {
                    jobs.progress(job, lastEnd, n.imported, n.duplicates, n.unlocated, n.rejectedTotal);
                }
            }
            write(pending, batch, n, directory, city, located);
            long t = System.nanoTime();
            batch.aggregate();
            n.databaseNanos += System.nanoTime() - t;
            ImportReport report = n.report();
            LOG.info(() -> String.format("stats import job %d (%s): %d rows in %.1f s: locating %.1f s, database "
                    + "%.1f s, the rest reading and parsing", job, city.slug(), n.rows,
                    (System.nanoTime() - n.started) / 1e9, n.locateNanos / 1e9, n.databaseNanos / 1e9));
            try (Connection c = db.getConnection()) {
                jobs.finish(c, job, lastEnd, report, JSON.toJson(report));
            }
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

    /**
     * Locates the pending rows (with the import's transaction suspended, so that the districts module's reads do not
     * join it: one contract call per batch for the points not in the cache) and writes them as one batch.
     */
    private void write(List<Pending> pending, Batch batch, Counters n, DistrictDirectory directory, TenantId city,
                       Map<String, String> located) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        int size = pending.size();
        String[] keys = new String[size];
        String[] districts = new String[size];
        double[] lat = new double[size];
        double[] lon = new double[size];
        LocalDate[] on = new LocalDate[size];
        int[] asked = new int[size];
        int misses = 0;
        for (int i = 0; i < size; i++) {
            CrimeCsv.Row row = pending.get(i).row();
            if (row.lat() == null) {
                districts[i] = "";
                continue;
            }
            keys[i] = row.lat() + "," + row.lon() + "," + row.date();
            String hit = located.get(keys[i]);
            if (hit != null) {
                districts[i] = hit;
                continue;
            }
            lat[misses] = row.lat();
            lon[misses] = row.lon();
            on[misses] = row.date();
            asked[misses++] = i;
        }
        long t0 = System.nanoTime();
        if (misses > 0) {
            int m = misses;
            String[] codes = transactions.outside(() -> directory.districtCodes(city, Arrays.copyOf(lat, m),
                    Arrays.copyOf(lon, m), Arrays.copyOf(on, m)));
            if (located.size() + m > LOCATE_CACHE) {
                located.clear();
            }
            for (int j = 0; j < m; j++) {
                int i = asked[j];
                districts[i] = codes[j] == null ? "" : codes[j];
                located.put(keys[i], districts[i]);
            }
        }
        for (int i = 0; i < size; i++) {
            Pending p = pending.get(i);
            batch.add(new Pending(p.id(), p.row(), p.category(), p.cleared(), districts[i]));
        }
        pending.clear();
        long t1 = System.nanoTime();
        batch.flush(n);
        n.locateNanos += t1 - t0;
        n.databaseNanos += System.nanoTime() - t1;
    }

    /** A row ready to insert. */
    record Pending(String id, CrimeCsv.Row row, String category, String cleared, String district) {
    }

    static final class Counters {
        long rows;
        long imported;
        long duplicates;
        long unlocated;
        long rejectedTotal;
        final long started = System.nanoTime();
        long locateNanos;
        long databaseNanos;
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

    /**
     * Up to {@value #BATCH} rows: written with {@code COPY} into a temporary table, then moved by one statement that
     * inserts them ({@code on conflict do nothing}) and keeps what it really inserted (only that) in a second
     * temporary table, answering how many were inserted and how many of those are unlocated. {@link #aggregate} adds
     * the kept rows to the aggregate and the city × month rollup once, at the end of the import: each combination is
     * written once per import instead of once per batch it occurs in (temporary tables write no WAL).
     */
    static final class Batch {
        private static final String CATEGORY_SUMS;
        private static final String CATEGORY_COLUMNS;
        private static final String CATEGORY_SET;

        static {
            StringBuilder sums = new StringBuilder();
            StringBuilder cols = new StringBuilder();
            StringBuilder set = new StringBuilder();
            for (String c : CodeLists.CATEGORIES) {
                String col = CityMonths.column(c);
                sums.append(", coalesce(sum(n) filter (where category = '").append(c).append("'), 0)");
                cols.append(", ").append(col);
                set.append(", ").append(col).append(" = t.").append(col).append(" + excluded.").append(col);
            }
            CATEGORY_SUMS = sums.toString();
            CATEGORY_COLUMNS = cols.toString();
            CATEGORY_SET = set.toString();
        }

        private static final String MOVE = "with ins as (insert into stats_crime_record (tenant_id, source, "
                + "record_id, occurred_on, crime_type, outcome, category, cleared, district_code, lat, lon, demo, "
                + "import_id) select ?, ?, record_id, occurred_on, crime_type, outcome, category, cleared, "
                + "district_code, lat, lon, ?, ? from stats_import_rows on conflict do nothing returning occurred_on, "
                + "district_code, category, crime_type, outcome, cleared), "
                + "kept as (insert into stats_import_inserted select date_trunc('month', occurred_on)::date, "
                + "district_code, category, crime_type, outcome, cleared from ins) "
                + "select count(*), count(*) filter (where district_code = '') from ins";

        /** The kept rows by combination, into the aggregate; then the combinations by month, into the rollup. */
        private static final String AGGREGATE = "with combos as (select month, district_code, category, crime_type, "
                + "outcome, cleared, count(*) n from stats_import_inserted group by 1, 2, 3, 4, 5, 6), "
                + "agg as (insert into stats_crime_aggregate as t (tenant_id, month, district_code, category, "
                + "source, crime_type, outcome, cleared, count) select ?, month, district_code, category, ?, "
                + "crime_type, outcome, cleared, n from combos on conflict (tenant_id, month, district_code, "
                + "category, source, crime_type, outcome, cleared) do update set count = t.count + excluded.count) "
                + "insert into stats_crime_city_month as t (tenant_id, month, offences, cleared, not_cleared"
                + CATEGORY_COLUMNS + ") select ?, month, sum(n), coalesce(sum(n) filter (where cleared = "
                + "'cleared'), 0), coalesce(sum(n) filter (where cleared = 'not-cleared'), 0)"
                + CATEGORY_SUMS
                + " from combos group by month on conflict (tenant_id, month) do update set offences = t.offences "
                + "+ excluded.offences, cleared = t.cleared + excluded.cleared, not_cleared = t.not_cleared + "
                + "excluded.not_cleared" + CATEGORY_SET;

        private final DataSource db;
        private final TenantId city;
        private final String source;
        private final long job;
        private final boolean demo;
        private final StringBuilder copy = new StringBuilder(1 << 20);
        private int size;
        private boolean prepared;

        Batch(DataSource db, TenantId city, String source, long job, boolean demo) {
            this.db = db;
            this.city = city;
            this.source = source;
            this.job = job;
            this.demo = demo;
        }

        /** Adds a row (duplicates within the file are found by the database). */
        void add(Pending p) {
            CrimeCsv.Row r = p.row();
            quoted(p.id()).append(',').append(r.date()).append(',');
            quoted(r.type()).append(',');
            quoted(r.outcome()).append(',').append(p.category()).append(',').append(p.cleared()).append(',');
            quoted(p.district()).append(',');
            if (r.lat() != null) {
                copy.append(r.lat()).append(',').append(r.lon());
            } else {
                copy.append(',');
            }
            copy.append('\n');
            size++;
        }

        private StringBuilder quoted(String v) {
            copy.append('"');
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (ch == '"') {
                    copy.append('"');
                }
                copy.append(ch);
            }
            return copy.append('"');
        }

        private void prepare(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table if not exists stats_import_rows (record_id varchar(200), "
                        + "occurred_on date, crime_type varchar(200), outcome varchar(200), category varchar(40), "
                        + "cleared varchar(20), district_code varchar(60), lat double precision, lon double precision)"
                        + " on commit drop");
                s.execute("create temporary table if not exists stats_import_inserted (month date, "
                        + "district_code varchar(60), category varchar(40), crime_type varchar(200), "
                        + "outcome varchar(200), cleared varchar(20)) on commit drop");
            }
            prepared = true;
        }

        void flush(Counters n) throws SQLException {
            if (size == 0) {
                return;
            }
            try (Connection c = db.getConnection()) {
                flush(c, n);
            }
            copy.setLength(0);
            size = 0;
        }

        private void flush(Connection c, Counters n) throws SQLException {
            if (!prepared) {
                prepare(c);
            }
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy stats_import_rows from stdin with "
                        + "(format csv)", new java.io.StringReader(copy.toString()));
            } catch (IOException e) {
                throw new SQLException("copy: " + e.getMessage(), e);
            }
            try (PreparedStatement s = c.prepareStatement(MOVE)) {
                s.setString(1, city.slug());
                s.setString(2, source);
                s.setBoolean(3, demo);
                s.setLong(4, job);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    long inserted = r.getLong(1);
                    n.imported += inserted;
                    n.unlocated += r.getLong(2);
                    n.duplicates += size - inserted;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("truncate stats_import_rows");
            }
        }

        /** Adds everything this import inserted to the aggregate and the rollup (once, at the end). */
        void aggregate() throws SQLException {
            if (!prepared) {
                return;
            }
            try (Connection c = db.getConnection()) {
                try (Statement s = c.createStatement()) {
                    // the grouping of a large import stays in memory instead of spilling (this transaction only)
                    s.execute("set local work_mem = '64MB'");
                }
                try (PreparedStatement s = c.prepareStatement(AGGREGATE)) {
                    s.setString(1, city.slug());
                    s.setString(2, source);
                    s.setString(3, city.slug());
                    s.executeUpdate();
                }
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
