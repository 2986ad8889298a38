package cz.safecity.stats.control;

import cz.safecity.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV layouts the importer reads, and the parsing of one record into a {@link Row}.
 * <ul>
 *   <li>{@code police-uk}: data.police.uk street-level files; the original header ({@code Crime ID,Month,…}) and the
 *       snake_case one ({@code crime_id,month,…}) both work, because header names are compared normalized
 *       (lower case, every run of other characters → {@code _}). Month-only dates (first day of the month).</li>
 *   <li>{@code cz-police}: the Czech police crime-map export, columns {@code id,x,y,mp,date,state,relevance,types};
 *       {@code x}/{@code y} are WGS84 longitude/latitude, {@code state} and {@code types} are codes of its code lists
 *       ({@code states.json}, {@code types.json}); several type codes ({@code 302|305}) → the first.</li>
 *   <li>{@code mapped}: any CSV with the columns named in a {@link Spec} (id, date, lat, lon, type, outcome).</li>
 * </ul>
 */
public final class CrimeCsv {

    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile("\\d{4}-\\d{2}");
    private static final java.util.regex.Pattern DAY = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");
    private static final java.util.regex.Pattern CZECH_DAY =
            java.util.regex.Pattern.compile("\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{4}( .*)?");

    /** Longest id, type or outcome value stored (characters). */
    public static final int MAX_VALUE = 200;

    /**
     * Which columns hold what (normalized header names); {@code id}, {@code lat}/{@code lon} and {@code outcome} may be
     * null in a mapped layout (no id: a content hash; no coordinates: unlocated; no outcome: unknown).
     *
     * @param source    the records' source name (part of their identity), e.g. {@code police-uk}
     * @param delimiter field separator
     */
    public record Spec(String format, String source, char delimiter, String id, String date, String lat, String lon,
                       String type, String outcome, boolean czCoordinates) {

        public static Spec policeUk() {
            return new Spec("police-uk", "police-uk", ',', "crime_id", "month", "latitude", "longitude", "crime_type",
                    "last_outcome_category", false);
        }

        public static Spec czPolice() {
            return new Spec("cz-police", "cz-police", ',', "id", "date", "y", "x", "types", "state", true);
        }

        List<String> required() {
            List<String> r = new ArrayList<>();
            for (String c : new String[] {id, date, lat, lon, type, outcome}) {
                if (c != null) {
                    r.add(c);
                }
            }
            return r;
        }

        public CSVFormat csvFormat() {
            return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        }
    }

    /** Column positions of a spec in one file's header. */
    public record Layout(Spec spec, int size, int id, int date, int lat, int lon, int type, int outcome) {
    }

    /**
     * A parsed record.
     *
     * @param recordId   the source's id, or null when the row has none
     * @param contentKey hash of the row's values except the id (identity of an id-less row)
     * @param lat        WGS84 degrees, null when the row has no coordinates
     */
    public record Row(String recordId, LocalDate date, Double lat, Double lon, String type, String outcome,
                      String contentKey) {
    }

    /** A row the importer rejects, with the reason reported to the client. */
    public static final class RejectedRow extends Exception {
        RejectedRow(String reason) {
            super(reason, null, false, false);
        }
    }

    private CrimeCsv() {
    }

    /** Header name as compared: lower case, runs of non-alphanumerics → '_', trimmed of '_'. */
    public static String normalize(String header) {
        String s = header.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
        s = s.replaceAll("^_+|_+$", "");
        return s;
    }

    /**
     * Finds the spec's columns in the header record.
     *
     * @throws ProblemException 422 {@code wrong-delimiter} when the header is one field that splits on ';', tab or
     *                          '|' into the expected columns; 422 {@code missing-columns} naming the missing and the
     *                          found columns; 400 when the header is not UTF-8
     */
    public static Layout layout(Spec spec, List<String> header) {
        List<String> names = new ArrayList<>();
        for (String h : header) {
            if (h.indexOf('\uFFFD') >= 0) {
                throw new ProblemException(400, "invalid-encoding", "Not UTF-8",
                        "body: line 1 (header) is not valid UTF-8", "body");
            }
            names.add(normalize(h.startsWith("\uFEFF") ? h.substring(1) : h));
        }
        List<String> missing = spec.required().stream().filter(c -> !names.contains(c)).toList();
        if (!missing.isEmpty()) {
            if (header.size() <= 2) {
                for (char d : new char[] {';', '\t', '|', ','}) {
                    if (d == spec.delimiter()) {
                        continue;
                    }
                    List<String> split = List.of(String.join(String.valueOf(spec.delimiter()), header)
                            .split(java.util.regex.Pattern.quote(String.valueOf(d)), -1));
                    List<String> n = split.stream().map(CrimeCsv::normalize).toList();
                    if (n.containsAll(spec.required())) {
                        throw new ProblemException(422, "wrong-delimiter", "Wrong delimiter",
                                "body: the header is separated by " + describe(d) + ", the " + spec.format()
                                        + " format expects " + describe(spec.delimiter())
                                        + (spec.format().equals("mapped") ? " (set delimiter=)" : ""), "body")
                                .with("line", 1);
                    }
                }
            }
            throw new ProblemException(422, "missing-columns", "Missing columns",
                    "body: the header (line 1) lacks the column(s) " + String.join(", ", missing) + " of the "
                            + spec.format() + " format", "body")
                    .with("line", 1).with("missing", missing).with("found", names);
        }
        return new Layout(spec, names.size(), idx(names, spec.id()), idx(names, spec.date()), idx(names, spec.lat()),
                idx(names, spec.lon()), idx(names, spec.type()), idx(names, spec.outcome()));
    }

    private static int idx(List<String> names, String column) {
        return column == null ? -1 : names.indexOf(column);
    }

    private static String describe(char d) {
        return switch (d) {
            case '\t' -> "tabs";
            case ';' -> "';'";
            case '|' -> "'|'";
            default -> "'" + d + "'";
        };
    }

    /** Parses one data record. */
    public static Row row(Layout l, CSVRecord r) throws RejectedRow {
        if (r.size() != l.size()) {
            throw new RejectedRow("expected " + l.size() + " fields, found " + r.size());
        }
        String id = l.id() < 0 ? null : blankToNull(r.get(l.id()));
        StringBuilder content = id == null ? new StringBuilder() : null; // only an id-less row needs its content
        for (int i = 0; i < r.size(); i++) {
            String v = r.get(i);
            if (v.indexOf('\uFFFD') >= 0) {
                throw new RejectedRow("field " + (i + 1) + " is not valid UTF-8");
            }
            if (content != null && i != l.id()) {
                content.append(v).append('\u001f');
            }
        }
        if (id != null && id.length() > MAX_VALUE) {
            throw new RejectedRow(l.spec().id() + ": longer than " + MAX_VALUE + " characters");
        }
        LocalDate date = date(l.spec().date(), r.get(l.date()));
        Double lat = null;
        Double lon = null;
        String rawLat = l.lat() < 0 ? "" : r.get(l.lat()).strip();
        String rawLon = l.lon() < 0 ? "" : r.get(l.lon()).strip();
        if (!rawLat.isEmpty() || !rawLon.isEmpty()) {
            if (rawLat.isEmpty() || rawLon.isEmpty()) {
                throw new RejectedRow("coordinates: " + (rawLat.isEmpty() ? l.spec().lat() : l.spec().lon())
                        + " is empty while " + (rawLat.isEmpty() ? l.spec().lon() : l.spec().lat()) + " is given");
            }
            lat = number(l.spec().lat(), rawLat);
            lon = number(l.spec().lon(), rawLon);
            if (l.spec().czCoordinates() && (Math.abs(lat) > 90 || Math.abs(lon) > 180)) {
                throw new RejectedRow("coordinates: x=" + rawLon + ", y=" + rawLat
                        + " look projected (S-JTSK?); expected WGS84 degrees");
            }
            if (lat < -90 || lat > 90) {
                throw new RejectedRow(l.spec().lat() + ": " + rawLat + " is outside -90..90");
            }
            if (lon < -180 || lon > 180) {
                throw new RejectedRow(l.spec().lon() + ": " + rawLon + " is outside -180..180");
            }
        }
        String type = r.get(l.type()).strip();
        if (l.spec().czCoordinates()) {
            type = type.split("[|,; ]+")[0];
        }
        if (type.isEmpty()) {
            throw new RejectedRow(l.spec().type() + ": empty");
        }
        if (type.length() > MAX_VALUE) {
            throw new RejectedRow(l.spec().type() + ": longer than " + MAX_VALUE + " characters");
        }
        String outcome = l.outcome() < 0 ? "" : r.get(l.outcome()).strip();
        if (outcome.length() > MAX_VALUE) {
            throw new RejectedRow(l.spec().outcome() + ": longer than " + MAX_VALUE + " characters");
        }
        return new Row(id, date, lat, lon, type, outcome, id == null ? hash(content) : null);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digitsValue(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    /**
     * A date as found in crime exports: {@code YYYY-MM} (first day), {@code YYYY-MM-DD} optionally followed by a time
     * ({@code T…} or a space), or {@code D.M.YYYY}.
     */
    static LocalDate date(String column, String raw) throws RejectedRow {
        String s = raw.strip();
        try {
            // the two forms of nearly every row, without a regular expression or a formatter
            if (s.length() == 7 && digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 7)) {
                return LocalDate.of(digitsValue(s, 0, 4), digitsValue(s, 5, 7), 1);
            }
            if (s.length() == 10 && digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 7) && s.charAt(7) == '-'
                    && digits(s, 8, 10)) {
                return LocalDate.of(digitsValue(s, 0, 4), digitsValue(s, 5, 7), digitsValue(s, 8, 10));
            }
            if (MONTH.matcher(s).matches()) {
                return YearMonth.parse(s).atDay(1);
            }
            if (DAY.matcher(s).matches()) {
                return LocalDate.parse(s.substring(0, 10));
            }
            if (CZECH_DAY.matcher(s).matches()) {
                String[] p = s.split("\\.\\s?");
                return LocalDate.of(Integer.parseInt(p[2].substring(0, 4)), Integer.parseInt(p[1]),
                        Integer.parseInt(p[0]));
            }
        } catch (DateTimeException | NumberFormatException e) {
            throw new RejectedRow(column + ": '" + shorten(s) + "' is not a valid date");
        }
        throw new RejectedRow(column + ": '" + shorten(s) + "' is not a date (YYYY-MM or YYYY-MM-DD)");
    }

    private static double number(String column, String raw) throws RejectedRow {
        try {
            double d = Double.parseDouble(raw.replace(',', '.'));
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new RejectedRow(column + ": '" + shorten(raw) + "' is not a number");
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static String blankToNull(String s) {
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String hash(CharSequence content) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Column names of a mapped layout from query parameters (normalized), with the delimiter. */
    public static Spec mapped(String source, Map<String, String> columns, char delimiter) {
        return new Spec("mapped", source, delimiter, norm(columns.get("id")), norm(columns.get("date")),
                norm(columns.get("lat")), norm(columns.get("lon")), norm(columns.get("type")),
                norm(columns.get("outcome")), false);
    }

    private static String norm(String s) {
        return s == null || s.isBlank() ? null : normalize(s);
    }
}
