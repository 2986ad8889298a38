package cz.safecity.stats.boundary;

import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantId;
import cz.safecity.platform.time.PlatformClock;
import cz.safecity.stats.StatsModule;
import cz.safecity.stats.control.FearGap;
import cz.safecity.stats.control.StatsQueries;
import cz.safecity.stats.control.StatsSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Crime statistics of a city, from the aggregate per district × category × month (never single records). Public;
 * for callers without a role in the city (citizens), cells below the {@code publicMinCount} setting are suppressed
 * ({@code count: null, suppressed: true}) and the clearance rate is shown only when {@code publishClearanceRate}.
 * Periods are months {@code from}..{@code to} (YYYY-MM, both included; default the last 12 months).
 */
@Path("cities/{city}/stats")
@RequestScoped
@ModuleEndpoint(StatsModule.ID)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats")
public class CrimeStatsResource {

    /** {@code {"rows":[{"key":…,"count":…}]}}. */
    public record Rows(YearMonth from, YearMonth to, String by, List<StatsQueries.CountRow> rows) {
    }

    /** Per-district table of a period (and per borough), with clearance rates. */
    public record Districts(YearMonth from, YearMonth to, List<StatsQueries.DistrictRow> districts,
                            List<StatsQueries.CountRow> boroughs) {
    }

    /**
     * City totals: offences, per 1,000 inhabitants (population of the city), clearance rate, by category, and the
     * monthly trend.
     */
    public record Summary(YearMonth from, YearMonth to, Integer population, Long offences, Double per1000,
                          Double clearanceRate, Map<String, Long> byCategory, List<StatsQueries.CountRow> trend) {
    }

    @Inject
    TenantContext tenant;
    @Inject
    Caller caller;
    @Inject
    StatsQueries queries;
    @Inject
    StatsSettings settings;
    @Inject
    PlatformClock clock;
    @Inject
    FearGap gaps;

    @GET
    @Path("crimes")
    @PermitAll
    @Operation(summary = "Crime counts grouped by one key", description = "by=type|outcome (the source's values), "
            + "category|cleared (the platform's mapping), district (null = unlocated), borough, month; counted over "
            + "every imported record of the period, unlocated included.")
    @APIResponse(responseCode = "400", description = "Bad from/to/by")
    public Rows crimes(@PathParam("city") String city, @QueryParam("from") String from, @QueryParam("to") String to,
                       @QueryParam("by") String by) {
        YearMonth[] p = period(from, to);
        String key = by == null || by.isBlank() ? "category" : by.strip();
        return new Rows(p[0], p[1], key, suppress(queries.crimes(tenant.id(), p[0], p[1], key)));
    }

    @GET
    @Path("districts")
    @PermitAll
    @Operation(summary = "Offences per district and borough", description = "Per district in force at the end of the "
            + "period: offences, by category, clearance rate (cleared / cleared + not cleared); unlocated last.")
    @APIResponse(responseCode = "400", description = "Bad from/to")
    public Districts districts(@PathParam("city") String city, @QueryParam("from") String from,
                               @QueryParam("to") String to) {
        YearMonth[] p = period(from, to);
        TenantId id = tenant.id();
        List<StatsQueries.DistrictRow> rows = queries.districts(id, p[0], p[1]);
        if (!exact()) {
            long min = settings.integer(id, StatsModule.PUBLIC_MIN_COUNT);
            boolean clearance = settings.flag(id, StatsModule.PUBLISH_CLEARANCE_RATE);
            // a district under the minimum shows no count and no rate (a rate of few records gives them away);
            // cleared and not-cleared counts are not public at all
            rows = rows.stream().map(r -> {
                boolean few = r.offences() > 0 && r.offences() < min;
                return new StatsQueries.DistrictRow(r.district(), r.name(), r.borough(), few ? null : r.offences(),
                        publicCells(r.byCategory(), min), null, null,
                        clearance && !few ? r.clearanceRate() : null, few ? Boolean.TRUE : null);
            }).toList();
        }
        return new Districts(p[0], p[1], rows, suppress(queries.crimes(id, p[0], p[1], "borough")));
    }

    @GET
    @Path("summary")
    @PermitAll
    @Operation(summary = "City crime summary", description = "Offences, per 1,000 inhabitants, clearance rate, by "
            + "category and the monthly trend of the period.")
    @APIResponse(responseCode = "400", description = "Bad from/to")
    public Summary summary(@PathParam("city") String city, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        YearMonth[] p = period(from, to);
        TenantId id = tenant.id();
        StatsQueries.CityFigures f = queries.figures(id, p[0], p[1]);
        boolean exact = exact();
        Double clearance = exact || settings.flag(id, StatsModule.PUBLISH_CLEARANCE_RATE) ? f.clearanceRate() : null;
        Map<String, Long> cats = exact ? f.byCategory()
                : publicCells(f.byCategory(), settings.integer(id, StatsModule.PUBLIC_MIN_COUNT));
        return new Summary(p[0], p[1], tenant.require().population(), f.offences(), f.per1000(), clearance, cats,
                suppress(queries.crimes(id, p[0], p[1], "month")));
    }

    @GET
    @Path("gap")
    @PermitAll
    @Operation(summary = "Fear-vs-crime gap per district", description = "Perceived insecurity (surveys of the "
            + "period) beside recorded offences, each ranked within the city; high-fear-low-crime and the reverse "
            + "flagged; districts with too few answers marked; for the public, offence counts under publicMinCount are "
            + "left out (null).")
    @APIResponse(responseCode = "400", description = "Bad from/to")
    public FearGap.Gap gap(@PathParam("city") String city, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        YearMonth[] p = period(from, to);
        FearGap.Gap g = gaps.gap(tenant.id(), p[0], p[1]);
        return exact() ? g : FearGap.suppressed(g, settings.integer(tenant.id(), StatsModule.PUBLIC_MIN_COUNT));
    }

    private YearMonth[] period(String from, String to) {
        return StatsQueries.period(from, to, LocalDate.ofInstant(clock.now(tenant.id()), tenant.require().zone()));
    }

    /** Staff of the city (any city role) and platform roles see exact counts. */
    private boolean exact() {
        TenantId id = tenant.id();
        return !caller.anonymous() && (!caller.cityRoles(id).isEmpty() || caller.hasPlatformRole(Roles.PLATFORM_ADMIN)
                || caller.hasPlatformRole(Roles.COORDINATOR));
    }

    private List<StatsQueries.CountRow> suppress(List<StatsQueries.CountRow> rows) {
        if (exact()) {
            return rows;
        }
        long min = settings.integer(tenant.id(), StatsModule.PUBLIC_MIN_COUNT);
        List<StatsQueries.CountRow> out = new ArrayList<>();
        for (StatsQueries.CountRow r : rows) {
            out.add(r.count() != null && r.count() > 0 && r.count() < min
                    ? new StatsQueries.CountRow(r.key(), null, true) : r);
        }
        return out;
    }

    private static Map<String, Long> publicCells(Map<String, Long> cells, long min) {
        Map<String, Long> out = new LinkedHashMap<>();
        cells.forEach((k, v) -> out.put(k, v > 0 && v < min ? null : v));
        return out;
    }
}
