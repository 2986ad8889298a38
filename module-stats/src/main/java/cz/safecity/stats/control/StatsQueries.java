package cz.safecity.stats.control;

import cz.safecity.platform.contract.CrimeFigures;
import cz.safecity.platform.contract.DistrictRef;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantDirectory;
import cz.safecity.platform.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Crime statistics of one city, read from {@code stats_crime_aggregate} (never from single records), and the
 * module's indicators; also the platform contract {@link CrimeFigures}.
 */
@ApplicationScoped
public class StatsQueries implements CrimeFigures {

    /** Grouping keys of {@code GET …/stats/crimes}. */
    public static final List<String> BY = List.of("type", "category", "outcome", "cleared", "district", "borough",
            "month");

    /** One row of a grouped count; {@code count} null when suppressed for the public. */
    public record CountRow(@jakarta.json.bind.annotation.JsonbNillable String key,
                           @jakarta.json.bind.annotation.JsonbNillable Long count, Boolean suppressed) {
    }

    /**
     * Counts of one district (or the unlocated records, code null) in a period; for the public, a district under the
     * minimum count has {@code offences}, {@code cleared}, {@code notCleared} and {@code clearanceRate} null and
     * {@code suppressed} true.
     */
    public record DistrictRow(String district, String name, String borough,
                              @jakarta.json.bind.annotation.JsonbNillable Long offences,
                              Map<String, Long> byCategory,
                              @jakarta.json.bind.annotation.JsonbNillable Long cleared,
                              @jakarta.json.bind.annotation.JsonbNillable Long notCleared,
                              @jakarta.json.bind.annotation.JsonbNillable Double clearanceRate, Boolean suppressed) {
    }

    @Resource(lookup = "jdbc/safecity")
    DataSource db;
    @Inject
    TenantDirectory cities;
    @Inject
    StatsSettings settings;

    private static Object[] period(TenantId city, YearMonth from, YearMonth to) {
        return new Object[] {city.slug(), from.atDay(1), to.atDay(1)};
    }

    /** Counts over every imported record of the period (unlocated included), grouped by {@code by}. */
    public List<CountRow> crimes(TenantId city, YearMonth from, YearMonth to, String by) {
        String column = switch (by) {
            case "type" -> "crime_type";
            case "category" -> "category";
            case "outcome" -> "outcome";
            case "cleared" -> "cleared";
            case "district", "borough" -> "district_code";
            case "month" -> "to_char(month, 'YYYY-MM')";
            default -> throw ProblemException.invalid("by", "'" + by + "' is not one of " + BY);
        };
        // months in calendar order (a trend); every other key by count, largest first
        List<CountRow> rows = Jdbc.list(db, "select " + column + ", sum(count) from stats_crime_aggregate "
                        + "where tenant_id = ? and month between ? and ? group by 1 order by "
                        + (by.equals("month") ? "1" : "2 desc, 1"),
                r -> new CountRow(r.getString(1), r.getLong(2), null), period(city, from, to));
        rows = rows.stream().map(r -> r.key() != null && r.key().isEmpty() ? new CountRow(null, r.count(), null) : r)
                .toList();
        if (by.equals("borough")) {
            Map<String, String> boroughs = boroughs(city, to);
            Map<String, Long> sum = new TreeMap<>();
            long unlocated = 0;
            for (CountRow r : rows) {
                if (r.key() == null) {
                    unlocated += r.count();
                } else {
                    sum.merge(boroughs.getOrDefault(r.key(), ""), r.count(), Long::sum);
                }
            }
            List<CountRow> out = new ArrayList<>();
            sum.forEach((k, v) -> out.add(new CountRow(k.isEmpty() ? "(no borough)" : k, v, null)));
            if (unlocated > 0) {
                out.add(new CountRow(null, unlocated, null));
            }
            out.sort((a, b) -> Long.compare(b.count(), a.count()));
            return out;
        }
        return rows;
    }

    /** District code → borough name of the districts in force at the end of {@code month}. */
    Map<String, String> boroughs(TenantId city, YearMonth month) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (DistrictRef d : settings.directory(city).districts(city, month.atEndOfMonth())) {
                out.put(d.code(), d.borough() == null ? "" : d.borough());
            }
        } catch (ProblemException e) {
            // without districts every located record counts under "(no borough)"
        }
        return out;
    }

    /** Per-district table of the period: offences by category and clearance rate; unlocated last (code null). */
    public List<DistrictRow> districts(TenantId city, YearMonth from, YearMonth to) {
        Map<String, DistrictRef> refs = new LinkedHashMap<>();
        try {
            settings.directory(city).districts(city, to.atEndOfMonth()).forEach(d -> refs.put(d.code(), d));
        } catch (ProblemException e) {
            // names unknown
        }
        Map<String, long[]> totals = new TreeMap<>();
        Map<String, Map<String, Long>> cats = new TreeMap<>();
        for (String code : refs.keySet()) {
            totals.put(code, new long[3]);
            cats.put(code, new TreeMap<>());
        }
        Jdbc.list(db, "select district_code, category, cleared, sum(count) from stats_crime_aggregate "
                + "where tenant_id = ? and month between ? and ? group by 1, 2, 3", r -> {
                    String code = r.getString(1);
                    long n = r.getLong(4);
                    long[] t = totals.computeIfAbsent(code, k -> new long[3]);
                    t[0] += n;
                    if (CodeLists.CLEARED.equals(r.getString(3))) {
                        t[1] += n;
                    } else if (CodeLists.NOT_CLEARED.equals(r.getString(3))) {
                        t[2] += n;
                    }
                    cats.computeIfAbsent(code, k -> new TreeMap<>()).merge(r.getString(2), n, Long::sum);
                    return null;
                }, period(city, from, to));
        List<DistrictRow> out = new ArrayList<>();
        totals.forEach((code, t) -> {
            if (code.isEmpty()) {
                return;
            }
            DistrictRef ref = refs.get(code);
            out.add(new DistrictRow(code, ref == null ? null : ref.name(), ref == null ? null : ref.borough(), t[0],
                    cats.get(code), t[1], t[2], rate(t[1], t[2]), null));
        });
        long[] un = totals.get("");
        if (un != null) {
            out.add(new DistrictRow(null, "unlocated", null, un[0], cats.get(""), un[1], un[2], rate(un[1], un[2]),
                    null));
        }
        return out;
    }

    /** cleared / (cleared + not cleared) in percent, null without a final outcome. */
    static Double rate(long cleared, long notCleared) {
        long all = cleared + notCleared;
        return all == 0 ? null : Math.round(1000.0 * cleared / all) / 10.0;
    }

    /** Whether any crime record was ever imported for the city. */
    public boolean hasRecords(TenantId city) {
        return Jdbc.count(db, "select count(*) from (select 1 from stats_crime_aggregate where tenant_id = ? limit 1) x",
                city.slug()) > 0;
    }

    @Override
    public OptionalLong offences(TenantId city, String districtCode, String category, YearMonth from, YearMonth to) {
        if (!hasRecords(city)) {
            return OptionalLong.empty();
        }
        StringBuilder sql = new StringBuilder("select coalesce(sum(count), 0) from stats_crime_aggregate "
                + "where tenant_id = ? and month between ? and ?");
        List<Object> params = new ArrayList<>(List.of(period(city, from, to)));
        if (districtCode != null) {
            sql.append(" and district_code = ?");
            params.add(districtCode);
        }
        if (category != null) {
            sql.append(" and category = ?");
            params.add(category);
        }
        return OptionalLong.of(Jdbc.count(db, sql.toString(), params.toArray()));
    }

    /** City figures of a period: offences, per 1,000 inhabitants, clearance rate (the comparison's columns). */
    public record CityFigures(long offences, Double per1000, Map<String, Long> byCategory, long cleared,
                              long notCleared, Double clearanceRate) {
    }

    public CityFigures figures(TenantId city, YearMonth from, YearMonth to) {
        Map<String, Long> cats = new TreeMap<>();
        long[] t = new long[3];
        Jdbc.list(db, "select category, cleared, sum(count) from stats_crime_aggregate "
                + "where tenant_id = ? and month between ? and ? group by 1, 2", r -> {
                    long n = r.getLong(3);
                    t[0] += n;
                    if (CodeLists.CLEARED.equals(r.getString(2))) {
                        t[1] += n;
                    } else if (CodeLists.NOT_CLEARED.equals(r.getString(2))) {
                        t[2] += n;
                    }
                    cats.merge(r.getString(1), n, Long::sum);
                    return null;
                }, period(city, from, to));
        Integer population = cities.find(city.slug()).map(Tenant::population).orElse(null);
        return new CityFigures(t[0], per1000(t[0], population), cats, t[1], t[2], rate(t[1], t[2]));
    }

    static Double per1000(long count, Integer population) {
        return population == null || population <= 0 ? null : Math.round(count * 1_000_000.0 / population) / 1000.0;
    }

    /** The module's indicators for a period (see {@code StatsModule}); missing when unknown. */
    public Map<String, Number> indicators(TenantId city, YearMonth from, YearMonth to) {
        Map<String, Number> out = new LinkedHashMap<>();
        if (hasRecords(city)) {
            CityFigures f = figures(city, from, to);
            if (f.clearanceRate() != null) {
                out.put("stats.clearance-rate", f.clearanceRate());
            }
            if (f.per1000() != null) {
                out.put("stats.offences-per-1000", f.per1000());
            }
        }
        List<long[]> safe = Jdbc.list(db, "select count(*) filter (where r.safety <= 2), count(*) "
                + "from stats_survey_response r join stats_survey s on s.id = r.survey_id "
                + "where r.tenant_id = ? and s.period_from <= ? and s.period_to >= ?",
                r -> new long[] {r.getLong(1), r.getLong(2)}, city.slug(), to.atDay(1), from.atDay(1));
        if (!safe.isEmpty() && safe.get(0)[1] > 0) {
            out.put("stats.perceived-safety", Math.round(1000.0 * safe.get(0)[0] / safe.get(0)[1]) / 10.0);
        }
        return out;
    }

    /** Tables in deletion order (children first). */
    static final List<String> TABLES = List.of("stats_survey_client", "stats_survey_response", "stats_survey_token",
            "stats_survey", "stats_crime_city_month", "stats_crime_aggregate", "stats_crime_record", "stats_import_job",
            "stats_code_map");

    public Map<String, Long> offboardPreview(TenantId city) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : TABLES) {
            out.put(t, Jdbc.count(db, "select count(*) from " + t + " where tenant_id = ?", city.slug()));
        }
        return out;
    }

    /** Deletes the city's rows of every stats table (idempotent). */
    public void offboard(TenantId city) {
        for (String t : TABLES) {
            Jdbc.update(db, "delete from " + t + " where tenant_id = ?", city.slug());
        }
    }

    /** Parses {@code YYYY-MM}; default when absent. */
    public static YearMonth month(String field, String value, YearMonth dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + value + "' is not a month (YYYY-MM)");
        }
    }

    /** A checked period: from ≤ to, at most 20 years. */
    public static YearMonth[] period(String from, String to, LocalDate today) {
        YearMonth t = month("to", to, YearMonth.from(today));
        YearMonth f = month("from", from, t.minusMonths(11));
        if (f.isAfter(t)) {
            throw ProblemException.invalid("from", "must not be after to (" + t + ")");
        }
        if (f.plusYears(20).isBefore(t)) {
            throw ProblemException.invalid("from", "a period is at most 20 years");
        }
        return new YearMonth[] {f, t};
    }
}
