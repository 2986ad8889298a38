package cz.safecity.stats.control;

import cz.safecity.platform.contract.DistrictDirectory;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;

/**
 * Streams a spooled CSV file into {@code stats_crime_record}, {@code stats_crime_aggregate} and
 * {@code stats_crime_city_month}: one record at a time (the heap holds three batches of {@value #BATCH} rows as COPY
 * text, the counters, a bounded locate cache and an 8-byte hash per distinct id-less row, whatever the file's size).
 * Each batch is COPYed into a temporary table and moved by one statement, {@code insert … on conflict do nothing},
 * whose inserted rows (only those) feed the aggregates, so a re-import is idempotent by (city, source, record id).
 * Each record is assigned to the district in force at its date through {@link DistrictDirectory} (one call per batch).
 * Reading, parsing and locating run on the caller's thread while a writer thread writes the previous batches. The
 * whole import is one transaction (the writer's): a file that cannot be read to its end (broken quoting) leaves
 * nothing behind and says where it broke; bad rows are rejected one by one with their line number and the import goes on.
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
    @Resource(lookup = "concurrent/__defaultManagedThreadFactory")
    ManagedThreadFactory threads;
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
     * Imports the file as job {@code job}: finishes the job with the report, or fails it. This thread reads, parses
     * and locates; a writer thread of its own writes the batches meanwhile, in one transaction, and finishes the job in
     * it (so reading and the database work overlap instead of taking turns).
     *
     * @throws ImportFailed when the file breaks off (then the job is failed and nothing was kept)
     */
    public ImportReport run(long job, TenantId city, CrimeCsv.Spec spec, Path file, boolean demo,
                            DistrictDirectory directory) {
        CodeLists.Mapping mapping = codeLists.mapping(city, spec.source());
        Counters n = new Counters();
        Writer writer = new Writer(new Batch(db, city, spec.source(), job, demo), n, job, city);
        FutureTask<ImportReport> written = new FutureTask<>(() -> transactions.inNew(writer::drain));
        Thread thread = threads.newThread(written);
        thread.setName("stats-import-" + job);
        thread.start();
        try {
            long lastEnd = read(job, city, spec, file, directory, mapping, n, writer, written);
            writer.put(Chunk.end(lastEnd), written);
            return Writer.result(written);
        } catch (ImportFailed e) {
            writer.abort(written);
            jobs.fail(job, e.getMessage(), e.line);
            throw e;
        } catch (RuntimeException | IOException e) {
            writer.abort(written);
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

    /** Reads, parses and locates the file, handing full batches to the writer; answers the last line's number. */
    private long read(long job, TenantId city, CrimeCsv.Spec spec, Path file, DistrictDirectory directory,
                      CodeLists.Mapping mapping, Counters n, Writer writer, Future<ImportReport> written)
            throws IOException {
        long lastEnd = 1;
        try (Reader in = reader(file);
             CSVParser p = CSVParser.builder().setReader(in).setFormat(spec.csvFormat()).get()) {
            Iterator<CSVRecord> it = p.iterator();
            CrimeCsv.Layout layout = CrimeCsv.layout(spec, it.next().toList());
            lastEnd = p.getCurrentLineNumber();
            jobs.progress(job, lastEnd, 0, 0, 0, 0);
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
                    writer.put(locate(pending, writer.batch, n, directory, city, located), written);
                }
                if (n.rows % PROGRESS_EVERY == 0) {
                    jobs.progress(job, lastEnd, n.imported, n.duplicates, n.unlocated, n.rejectedTotal);
                }
            }
            if (!pending.isEmpty()) {
                writer.put(locate(pending, writer.batch, n, directory, city, located), written);
            }
            return lastEnd;
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
     * join it: one contract call per batch for the points not in the cache) and makes them one batch for the writer.
     */
    private Chunk locate(List<Pending> pending, Batch batch, Counters n, DistrictDirectory directory, TenantId city,
                         Map<String, String> located) {
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
        n.locateNanos += System.nanoTime() - t0;
        return batch.seal();
    }

    /** A row ready to insert. */
    record Pending(String id, CrimeCsv.Row row, String category, String cleared, String district) {
    }

    static final class Counters {
        long rows;
        // written by the writer thread only, read for progress by the reading thread
        volatile long imported;
        volatile long duplicates;
        volatile long unlocated;
        long rejectedTotal;
        final long started = System.nanoTime();
        long locateNanos;
        volatile long databaseNanos;
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

        /** The rows added since the last seal, as COPY text (on the reading thread). */
        Chunk seal() {
            Chunk c = new Chunk(copy.toString(), size, 0);
            copy.setLength(0);
            size = 0;
            return c;
        }

        /** Writes a sealed batch (on the writer thread, in its transaction). */
        void write(Chunk chunk, Counters n) throws SQLException {
            try (Connection c = db.getConnection()) {
                write(c, chunk, n);
            }
        }

        private void write(Connection c, Chunk chunk, Counters n) throws SQLException {
            if (!prepared) {
                prepare(c);
            }
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy stats_import_rows from stdin with "
                        + "(format csv)", new java.io.StringReader(chunk.text()));
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
                    n.duplicates += chunk.size() - inserted;
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

    /** A sealed batch as COPY text, or the end of the file (with its last line), or an abort. */
    record Chunk(String text, int size, long lastEnd) {
        static final Chunk ABORT = new Chunk(null, -1, 0);

        static Chunk end(long lastEnd) {
            return new Chunk(null, 0, lastEnd);
        }
    }

    /**
     * The writer's side: takes sealed batches from a short queue (two batches ahead at most, so the heap holds three
     * batches whatever the file's size) and writes them; at the end aggregates, finishes the job and returns the
     * report, all in the writer thread's transaction. An abort (the file broke off, or reading failed) throws, which
     * rolls everything back.
     */
    final class Writer {
        final Batch batch;
        private final Counters n;
        private final long job;
        private final TenantId city;
        private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(2);

        Writer(Batch batch, Counters n, long job, TenantId city) {
            this.batch = batch;
            this.n = n;
            this.job = job;
            this.city = city;
        }

        /** Hands a chunk over; throws the writer's failure if it has stopped. */
        void put(Chunk chunk, Future<ImportReport> written) {
            try {
                while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
                    if (written.isDone()) {
                        result(written); // throws the writer's failure
                        throw new IllegalStateException("the writer stopped early");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        /** Tells the writer to roll back and waits until it has. */
        void abort(Future<ImportReport> written) {
            if (!written.isDone()) {
                queue.clear();
                queue.offer(Chunk.ABORT);
            }
            try {
                written.get(5, TimeUnit.MINUTES);
            } catch (ExecutionException | TimeoutException | CancellationException e) {
                LOG.log(Level.FINE, "stats import job " + job + ": writer ended", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The writer thread's loop, inside its transaction. */
        ImportReport drain() {
            try {
                while (true) {
                    Chunk c = queue.take();
                    if (c == Chunk.ABORT) {
                        throw new CancellationException("import aborted");
                    }
                    long t = System.nanoTime();
                    if (c.text() == null) {
                        batch.aggregate();
                        n.databaseNanos += System.nanoTime() - t;
                        ImportReport report = n.report();
                        LOG.info(() -> String.format("stats import job %d (%s): %d rows in %.1f s: locating %.1f s, "
                                        + "database %.1f s (overlapping the reading)", job, city.slug(), n.rows,
                                (System.nanoTime() - n.started) / 1e9, n.locateNanos / 1e9, n.databaseNanos / 1e9));
                        try (Connection conn = db.getConnection()) {
                            jobs.finish(conn, job, c.lastEnd(), report, JSON.toJson(report));
                        }
                        return report;
                    }
                    batch.write(c, n);
                    n.databaseNanos += System.nanoTime() - t;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }

        /** The writer's report, or its failure rethrown. */
        static ImportReport result(Future<ImportReport> written) {
            try {
                return written.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
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
