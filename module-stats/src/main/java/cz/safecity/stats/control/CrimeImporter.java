package cz.safecity.stats.control;

import cz.safecity.platform.contract.DistrictCodes;
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
import org.postgresql.copy.CopyIn;

/**
 * Streams a spooled CSV file into {@code stats_crime_record}, {@code stats_crime_aggregate} and
 * {@code stats_crime_city_month}, one record at a time. The heap holds one 64 kB chunk of binary COPY, the counters,
 * a fixed-size Bloom filter of the ids, the aggregate combinations (bounded) and an 8-byte hash per distinct id-less
 * row, whatever the file's size. The rows go into the record table by one streamed COPY; at the end the rows the
 * city already had (by source and record id) are taken out again and what is left is added to the aggregates, so a
 * re-import is idempotent by (city, source, record id) ({@link Records}). Each record is assigned to the district in
 * force at its date by a {@link DistrictCodes} snapshot from {@link DistrictDirectory}. The whole import is one
 * transaction: a file that cannot be read to its end (broken quoting) leaves nothing behind and says where it broke;
 * bad rows are rejected one by one with their line number and the import goes on.
 */
@ApplicationScoped
public class CrimeImporter {

    /** Progress is written at most once a second (and after the last row). */
    static final long PROGRESS_NANOS = 1_000_000_000L;
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
        // the one contract call: a snapshot that assigns districts from memory, with no container call per row
        DistrictCodes codes = transactions.apart(() -> directory.districtCodes(city));
        try (Reader in = reader(file);
             CSVParser p = CSVParser.builder().setReader(in).setFormat(spec.csvFormat()).get();
             Connection c = db.getConnection()) {
            Iterator<CSVRecord> it = p.iterator();
            CrimeCsv.Layout layout = CrimeCsv.layout(spec, it.next().toList());
            long lastEnd = p.getCurrentLineNumber();
            jobs.progress(job, lastEnd, 0, 0, 0, 0);
            Records records = new Records(c, city, spec.source(), job, demo, Files.size(file));
            LongCounter idless = new LongCounter();
            long progressAt = System.nanoTime();
            try {
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
                    long t = System.nanoTime();
                    String district = row.lat() == null ? null : codes.codeAt(row.lat(), row.lon(), row.date());
                    n.locateNanos += System.nanoTime() - t;
                    records.add(line, id, row, mapping.category(row.type()), mapping.cleared(row.outcome()),
                            district == null ? "" : district);
                    if ((n.rows & 1023) == 0 && System.nanoTime() - progressAt > PROGRESS_NANOS) {
                        jobs.progress(job, lastEnd, 0, 0, 0, n.rejectedTotal);
                        progressAt = System.nanoTime();
                    }
                }
                records.end();
            } finally {
                records.cancel();
            }
            jobs.progress(job, lastEnd, 0, 0, 0, n.rejectedTotal); // read to the end: now duplicates and aggregates
            records.settle(n);
            ImportReport report = n.report();
            LOG.info(() -> String.format("stats import job %d (%s): %d rows in %.1f s: locating %.1f s, settling "
                    + "%s, the rest reading, parsing and COPY", job, city.slug(), n.rows,
                    (System.nanoTime() - n.started) / 1e9, n.locateNanos / 1e9, n.settling));
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

    static final class Counters {
        long rows;
        long imported;
        long duplicates;
        long unlocated;
        long rejectedTotal;
        final long started = System.nanoTime();
        long locateNanos;
        String settling = "";
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
     * The import's rows on their way into {@code stats_crime_record}: one {@code COPY} for the whole file, streamed
     * as the rows are read (PostgreSQL stores a chunk while the next one is parsed; the heap holds one chunk), each
     * row with its import job and line. Meanwhile the rows are counted per aggregate combination (month, district,
     * category, type, outcome, cleared) in memory, up to {@value #MAX_COMBOS} combinations; beyond that the
     * aggregation is left to the database at the end. {@link #settle} then deletes, in the same transaction, every
     * row of this import whose id the city already had for this source from an earlier import, or that repeats an
     * earlier line of this file (first line wins), and adds what is left (only that) to the aggregate and the city ×
     * month rollup. The deletion runs only when it can find something: when the city has older rows of this source,
     * or when a fixed-size Bloom filter of the file's ids saw an id that may repeat. A transaction-level advisory
     * lock on (city, source), taken before the COPY, makes two imports of one city and source run one after the
     * other, the second seeing what the first committed. The record table has no unique key (V9): this class is its
     * only writer.
     */
    static final class Records {
        static final int MAX_COMBOS = 500_000;
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

        private static final String MONTH = "date_trunc('month', occurred_on::timestamp)::date";

        /** Parameters: city, source, job (the new rows); city, source (the older ones); job. Answers the rows gone. */
        private static final String DELETE_REPEATS = "delete from stats_crime_record n using stats_crime_record o "
                + "where n.tenant_id = ? and n.source = ? and n.import_id = ? and o.tenant_id = ? and o.source = ? "
                + "and o.record_id = n.record_id and (o.import_id <> ? or o.line < n.line) returning "
                + "date_trunc('month', n.occurred_on::timestamp)::date as month, n.district_code, n.category, "
                + "n.crime_type, n.outcome, n.cleared";

        /** The combinations of the rows kept, from memory (stats_import_combos) or from the rows themselves. */
        private static final String FROM_MEMORY = "select month, district_code, category, crime_type, outcome, "
                + "cleared, sum(n) n from stats_import_combos group by 1, 2, 3, 4, 5, 6 having sum(n) > 0";
        private static final String FROM_ROWS = "select " + MONTH + " as month, district_code, category, crime_type, "
                + "outcome, cleared, count(*) n from stats_crime_record where tenant_id = ? and source = ? and "
                + "import_id = ? group by 1, 2, 3, 4, 5, 6";

        /** The rollup of the combinations (parameter: city), then the answer: imported, unlocated. */
        private static final String ROLLUP = "rollup as (insert into stats_crime_city_month as t (tenant_id, month, "
                + "offences, cleared, not_cleared" + CATEGORY_COLUMNS + ") select ?, month, sum(n), coalesce(sum(n) "
                + "filter (where cleared = 'cleared'), 0), coalesce(sum(n) filter (where cleared = 'not-cleared'), 0)"
                + CATEGORY_SUMS
                + " from combos group by month on conflict (tenant_id, month) do update set offences = t.offences "
                + "+ excluded.offences, cleared = t.cleared + excluded.cleared, not_cleared = t.not_cleared + "
                + "excluded.not_cleared" + CATEGORY_SET + ") "
                + "select coalesce(sum(n), 0), coalesce(sum(n) filter (where district_code = ''), 0) from combos";

        /** After the combinations: the aggregate (parameters city, source; the conflict clause), the rollup. */
        private static final String AGGREGATE = "agg as (insert into stats_crime_aggregate as t (tenant_id, month, "
                + "district_code, category, source, crime_type, outcome, cleared, count) select ?, month, "
                + "district_code, category, ?, crime_type, outcome, cleared, n from combos %s), " + ROLLUP;

        private static final String UPSERT = "on conflict (tenant_id, month, district_code, category, source, "
                + "crime_type, outcome, cleared) do update set count = t.count + excluded.count";

        /**
         * The rollup of combinations COPYed straight into the aggregate, summed in memory by month, category, cleared
         * and located or not (four arrays: month, district code or '', category, cleared, count; then the city).
         */
        private static final String ROLLUP_OF_FRESH = "with combos as (select * from unnest(?::date[], ?::text[], "
                + "?::text[], ?::text[], ?::bigint[]) as c (month, district_code, category, cleared, n)), " + ROLLUP;

        /** An aggregate combination. */
        private record Combo(LocalDate month, String district, String category, String type, String outcome,
                             String cleared) {
        }

        private final Connection c;
        private final TenantId city;
        private final String source;
        private final long job;
        private final byte[] cityBytes;
        private final byte[] sourceBytes;
        private final boolean demo;
        private final Bloom ids;
        private Map<Combo, long[]> combos = new HashMap<>();
        private LocalDate firstMonth;
        private LocalDate lastMonth;
        private CopyIn copy;
        private BinaryCopy rows;
        private long copied;

        Records(Connection c, TenantId city, String source, long job, boolean demo, long fileBytes)
                throws SQLException {
            this.c = c;
            this.city = city;
            this.source = source;
            this.job = job;
            this.cityBytes = city.slug().getBytes(StandardCharsets.UTF_8);
            this.sourceBytes = source.getBytes(StandardCharsets.UTF_8);
            this.demo = demo;
            this.ids = Bloom.forRows(fileBytes / 64);
            try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                s.setString(1, "stats-import/" + city.slug() + "/" + source);
                s.execute();
            }
        }

        /** Adds a row (duplicates, within the file or with earlier imports, are found by {@link #settle}). */
        void add(long line, String id, CrimeCsv.Row r, String category, String cleared, String district)
                throws SQLException {
            ids.add(id);
            if (combos != null) {
                LocalDate month = r.date().withDayOfMonth(1);
                if (firstMonth == null || month.isBefore(firstMonth)) {
                    firstMonth = month;
                }
                if (lastMonth == null || month.isAfter(lastMonth)) {
                    lastMonth = month;
                }
                combos.computeIfAbsent(new Combo(month, district, category, r.type(), r.outcome(), cleared),
                        k -> new long[1])[0]++;
                if (combos.size() > MAX_COMBOS) {
                    combos = null; // the database aggregates this import's rows at the end
                }
            }
            if (rows == null) {
                copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy stats_crime_record (tenant_id, source, "
                        + "record_id, occurred_on, crime_type, outcome, category, cleared, district_code, lat, lon, "
                        + "demo, import_id, line) from stdin with (format binary)");
                rows = new BinaryCopy(copy);
            }
            rows.row(14).bytes(cityBytes).bytes(sourceBytes).text(id).date(r.date()).text(r.type()).text(r.outcome())
                    .text(category).text(cleared).text(district).float8(r.lat()).float8(r.lon()).bool(demo)
                    .int8(job).int8(line);
        }

        /** Ends the COPY. */
        void end() throws SQLException {
            if (rows != null) {
                copied = rows.end();
                rows = null;
                copy = null;
            }
        }

        /** After a failure: cancels an unfinished COPY, so that the connection can be rolled back and reused. */
        void cancel() {
            if (copy != null && copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException e) {
                    LOG.log(Level.FINE, "cancelling the import's COPY", e);
                }
            }
            copy = null;
        }

        /**
         * Removes this import's duplicates and aggregates the rest into {@code n} (see the class comment). The usual
         * case, a file without repeated ids into months that this city and source have no aggregate rows for yet,
         * COPYs the combinations counted in memory straight into the aggregate; otherwise they go through a
         * temporary table (less what the search for repeats deleted) and are inserted, or upserted where rows may
         * exist; beyond {@value #MAX_COMBOS} combinations the database counts them from the rows.
         */
        void settle(Counters n) throws SQLException {
            if (copied == 0) {
                return;
            }
            try (Statement s = c.createStatement()) {
                // the record table's statistics may predate this import's rows: only hashing is safe at any size
                s.execute("set local enable_nestloop = off");
                s.execute("set local enable_mergejoin = off");
                s.execute("set local enable_sort = off");
                s.execute("set local work_mem = '64MB'");
            }
            long t0 = System.nanoTime();
            boolean search = ids.mayRepeat() || olderRows();
            boolean before = aggregatedBefore();
            String how;
            if (combos != null && !search && !before) {
                how = "COPYed into the aggregate";
                copyCombos("stats_crime_aggregate (tenant_id, source, month, district_code, category, crime_type, "
                        + "outcome, cleared, count)", true);
                Map<List<Object>, long[]> sums = new HashMap<>();
                for (Map.Entry<Combo, long[]> e : combos.entrySet()) {
                    Combo k = e.getKey();
                    sums.computeIfAbsent(List.of(k.month(), k.district().isEmpty() ? "" : "located", k.category(),
                            k.cleared()), x -> new long[1])[0] += e.getValue()[0];
                }
                Object[][] columns = new Object[5][sums.size()];
                int j = 0;
                for (Map.Entry<List<Object>, long[]> e : sums.entrySet()) {
                    for (int f = 0; f < 4; f++) {
                        columns[f][j] = f == 0 ? java.sql.Date.valueOf((LocalDate) e.getKey().get(0))
                                : e.getKey().get(f);
                    }
                    columns[4][j++] = e.getValue()[0];
                }
                try (PreparedStatement s = c.prepareStatement(ROLLUP_OF_FRESH)) {
                    s.setArray(1, c.createArrayOf("date", columns[0]));
                    s.setArray(2, c.createArrayOf("text", columns[1]));
                    s.setArray(3, c.createArrayOf("text", columns[2]));
                    s.setArray(4, c.createArrayOf("text", columns[3]));
                    s.setArray(5, c.createArrayOf("bigint", columns[4]));
                    s.setString(6, city.slug());
                    count(s, n);
                }
            } else {
                if (combos != null) {
                    try (Statement s = c.createStatement()) {
                        s.execute("create temporary table if not exists stats_import_combos (month date, "
                                + "district_code varchar(60) collate \"C\", category varchar(40) collate \"C\", "
                                + "crime_type varchar(200) collate \"C\", outcome varchar(200) collate \"C\", "
                                + "cleared varchar(20) collate \"C\", n bigint) on commit drop");
                    }
                    copyCombos("stats_import_combos", false);
                }
                if (search) {
                    String gone = combos != null
                            ? "with gone as (" + DELETE_REPEATS + "), kept as (insert into stats_import_combos select "
                            + "month, district_code, category, crime_type, outcome, cleared, -count(*) from gone "
                            + "group by 1, 2, 3, 4, 5, 6) select count(*) from gone"
                            : "with gone as (" + DELETE_REPEATS + ") select count(*) from gone";
                    n.duplicates += scalar(gone, city.slug(), source, job, city.slug(), source, job);
                }
                how = (combos != null ? "counted in memory" : "counted from the rows") + ", search for repeats "
                        + (search ? "ran" : "skipped") + ", " + (before ? "upserted" : "inserted");
                int i = 1;
                try (PreparedStatement s = c.prepareStatement("with combos as (" + (combos != null ? FROM_MEMORY
                        : FROM_ROWS) + "), " + AGGREGATE.formatted(before ? UPSERT : ""))) {
                    if (combos == null) {
                        s.setString(i++, city.slug());
                        s.setString(i++, source);
                        s.setLong(i++, job);
                    }
                    s.setString(i++, city.slug());
                    s.setString(i++, source);
                    s.setString(i, city.slug());
                    count(s, n);
                }
            }
            n.settling = String.format("%.1f s, combinations %s", (System.nanoTime() - t0) / 1e9, how);
            try (Statement s = c.createStatement()) {
                s.execute("reset enable_nestloop");
                s.execute("reset enable_mergejoin");
                s.execute("reset enable_sort");
            }
        }

        private static void count(PreparedStatement s, Counters n) throws SQLException {
            try (ResultSet r = s.executeQuery()) {
                r.next();
                n.imported += r.getLong(1);
                n.unlocated += r.getLong(2);
            }
        }

        /** Whether the aggregate has a row of this city and source in the months of this import. */
        private boolean aggregatedBefore() throws SQLException {
            return firstMonth != null && scalar("select (exists (select 1 from stats_crime_aggregate where "
                    + "tenant_id = ? and month between ? and ? and source = ?))::int", city.slug(), firstMonth,
                    lastMonth, source) == 1;
        }

        /** Whether the city had rows of this source before this import. */
        private boolean olderRows() throws SQLException {
            // two ranges of the index (tenant, source, import), not a filter over this import's own rows
            return scalar("select (exists (select 1 from stats_crime_record where tenant_id = ? and source = ? and "
                    + "import_id < ?) or exists (select 1 from stats_crime_record where tenant_id = ? and source = ? "
                    + "and import_id > ?))::int", city.slug(), source, job, city.slug(), source, job) == 1;
        }

        /** The first column of the one row {@code sql} answers, the parameters bound in order. */
        private long scalar(String sql, Object... params) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }

        /** COPYs the combinations counted in memory into {@code target}, with the city and source or without. */
        private void copyCombos(String target, boolean withCityAndSource) throws SQLException {
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + target + " from stdin with "
                    + "(format binary)");
            try {
                BinaryCopy out = new BinaryCopy(in);
                for (Map.Entry<Combo, long[]> e : combos.entrySet()) {
                    Combo k = e.getKey();
                    out.row(withCityAndSource ? 9 : 7);
                    if (withCityAndSource) {
                        out.bytes(cityBytes).bytes(sourceBytes);
                    }
                    out.date(k.month()).text(k.district()).text(k.category()).text(k.type()).text(k.outcome())
                            .text(k.cleared()).int8(e.getValue()[0]);
                }
                out.end();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }
    }

    /**
     * A Bloom filter of record ids, sized once from the file (256 bits per estimated row, at most 2^28 bits = 32 MB,
     * five probes): "no" is certain (the id was not seen before), "maybe" is not; {@link #mayRepeat} is true when any
     * id got a "maybe". Up to about a million distinct ids a false "maybe" is very unlikely; beyond, it only costs the
     * import the database's search for repeats.
     */
    static final class Bloom {
        private static final int MIN_BITS_LOG2 = 16;
        private static final int MAX_BITS_LOG2 = 28;
        private static final int PROBES = 5;
        private final long[] bits;
        private final int mask;
        private boolean maybe;

        private Bloom(int log2) {
            bits = new long[1 << (log2 - 6)];
            mask = (1 << log2) - 1;
        }

        static Bloom forRows(long rows) {
            int log2 = MIN_BITS_LOG2;
            while (log2 < MAX_BITS_LOG2 && (1L << log2) < rows * 256) {
                log2++;
            }
            return new Bloom(log2);
        }

        void add(String id) {
            long h = 0xcbf29ce484222325L; // FNV-1a, then a finalizer; two halves for double hashing
            for (int i = 0; i < id.length(); i++) {
                h = (h ^ id.charAt(i)) * 0x100000001b3L;
            }
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            int h1 = (int) h;
            int h2 = (int) (h >>> 32) | 1;
            boolean seen = true;
            for (int k = 0; k < PROBES; k++) {
                int bit = (h1 + k * h2) & mask;
                long m = 1L << (bit & 63);
                if ((bits[bit >>> 6] & m) == 0) {
                    seen = false;
                    bits[bit >>> 6] |= m;
                }
            }
            maybe |= seen;
        }

        boolean mayRepeat() {
            return maybe;
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
