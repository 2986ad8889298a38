package cz.safecity.stats.control;

import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.Indicator;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantDirectory;
import cz.safecity.stats.StatsModule;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The regional comparison of cities for coordinators: per city for a period, offences (total and by category) per
 * 1,000 inhabitants, clearance rate, perceived safety (survey answers "very" or "rather safe"), and every other
 * module's period indicators ({@link CityModule#measure(cz.safecity.platform.tenant.TenantId, YearMonth, YearMonth)}).
 * Aggregates only: two grouped queries over all cities (the city × month rollup {@code stats_crime_city_month}, survey
 * answers), no per-city round trip for the stats figures.
 */
@ApplicationScoped
public class Comparison {

    private static final Logger LOG = Logger.getLogger(Comparison.class.getName());

    /** One city's row; indicators by key (null = unknown). */
    public record CityRow(String city, String name, Integer population, long offences, Double offencesPer1000,
                          Map<String, Double> per1000ByCategory, Double clearanceRate, Double perceivedSafety,
                          long surveyAnswers, Map<String, Number> indicators) {
    }

    /** An indicator column of another module. */
    public record Column(String module, String key, String title, String unit) {
    }

    public record Table(YearMonth from, YearMonth to, List<String> categories, List<Column> indicators,
                        List<CityRow> cities) {
    }

    @Resource(lookup = "jdbc/safecity")
    DataSource db;
    @Inject
    TenantDirectory tenants;
    @Inject
    ModuleRegistry modules;
    @Inject
    TenantContext tenantContext;

    /**
     * @param withModules whether to ask the other modules for their indicators (one call per city and module)
     */
    public Table compare(YearMonth from, YearMonth to, boolean withModules) {
        Map<String, long[]> totals = new HashMap<>();
        Map<String, Map<String, Long>> cats = new HashMap<>();
        StringBuilder sums = new StringBuilder();
        CityMonths.COLUMNS.forEach(c -> sums.append(", sum(").append(c).append(')'));
        Jdbc.list(db, "select tenant_id" + sums + " from stats_crime_city_month where month between ? and ? "
                + "group by tenant_id", r -> {
                    totals.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3), r.getLong(4)});
                    Map<String, Long> byCategory = new TreeMap<>();
                    for (int i = 0; i < CodeLists.CATEGORIES.size(); i++) {
                        long n = r.getLong(5 + i);
                        if (n > 0) {
                            byCategory.put(CodeLists.CATEGORIES.get(i), n);
                        }
                    }
                    cats.put(r.getString(1), byCategory);
                    return null;
                }, from.atDay(1), to.atDay(1));
        Map<String, long[]> safety = new HashMap<>();
        Jdbc.list(db, "select r.tenant_id, count(*) filter (where r.safety <= 2), count(*) from stats_survey_response r"
                + " join stats_survey s on s.id = r.survey_id where s.period_from <= ? and s.period_to >= ? group by 1",
                r -> safety.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)}), to.atDay(1), from.atDay(1));
        List<CityModule> others = withModules ? modules.modules().stream()
                .filter(m -> !m.id().equals(StatsModule.ID) && !m.indicators().isEmpty()).toList() : List.of();
        List<Column> columns = new ArrayList<>();
        others.forEach(m -> m.indicators().forEach(i -> columns.add(new Column(m.id(), i.key(), i.title(),
                i.unit()))));
        List<CityRow> rows = new ArrayList<>();
        for (Tenant t : tenants.all()) {
            long[] tot = totals.getOrDefault(t.slug(), new long[3]);
            Map<String, Double> per = new LinkedHashMap<>();
            for (String c : CodeLists.CATEGORIES) {
                Long n = cats.getOrDefault(t.slug(), Map.of()).get(c);
                per.put(c, n == null ? (t.population() == null ? null : 0.0) : StatsQueries.per1000(n, t.population()));
            }
            long[] s = safety.get(t.slug());
            Map<String, Number> values = new LinkedHashMap<>();
            for (CityModule m : others) {
                Map<String, Number> measured = measure(m, t, from, to);
                for (Indicator i : m.indicators()) {
                    values.put(i.key(), measured.get(i.key()));
                }
            }
            rows.add(new CityRow(t.slug(), t.name(), t.population(), tot[0], StatsQueries.per1000(tot[0],
                    t.population()), per, StatsQueries.rate(tot[1], tot[2]),
                    s == null || s[1] == 0 ? null : Confidence.percent((double) s[0] / s[1]), s == null ? 0 : s[1],
                    values));
        }
        return new Table(from, to, CodeLists.CATEGORIES, columns, rows);
    }

    private Map<String, Number> measure(CityModule m, Tenant t, YearMonth from, YearMonth to) {
        try {
            if (!modules.isEnabled(t.id(), m.id())) {
                return Map.of();
            }
            return tenantContext.callAs(t, () -> m.measure(t.id(), from, to));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "measure of " + m.id() + " in " + t.slug() + " failed", e);
            return Map.of();
        }
    }

    /** The table as CSV (RFC 4180, header line first). */
    public static String csv(Table t) {
        StringBuilder b = new StringBuilder("city,name,population,offences,offences_per_1000");
        t.categories().forEach(c -> b.append(',').append(c).append("_per_1000"));
        b.append(",clearance_rate,perceived_safety,survey_answers");
        t.indicators().forEach(c -> b.append(',').append(field(c.key())));
        b.append("\r\n");
        for (CityRow r : t.cities()) {
            b.append(field(r.city())).append(',').append(field(r.name())).append(',').append(num(r.population()))
                    .append(',').append(r.offences()).append(',').append(num(r.offencesPer1000()));
            t.categories().forEach(c -> b.append(',').append(num(r.per1000ByCategory().get(c))));
            b.append(',').append(num(r.clearanceRate())).append(',').append(num(r.perceivedSafety())).append(',')
                    .append(r.surveyAnswers());
            t.indicators().forEach(c -> b.append(',').append(num(r.indicators().get(c.key()))));
            b.append("\r\n");
        }
        return b.toString();
    }

    private static String num(Number n) {
        return n == null ? "" : n.toString();
    }

    private static String field(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v; // no formula injection in spreadsheets
        }
        return v.matches("[^,\"\r\n]*") ? v : "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
