package cz.safecity.stats.boundary;

import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantDirectory;
import cz.safecity.stats.control.Comparison;
import cz.safecity.stats.control.StatsQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/stats/comparison?from=YYYY-MM&to=YYYY-MM} — regional comparison of all cities (coordinator,
 * platform-admin; a city role answers 403: the path has no city, so the platform's edge filter lets only platform
 * roles through). JSON, or CSV with {@code Accept: text/csv}. Aggregates only.
 */
@Path("stats/comparison")
@RequestScoped
@Tag(name = "stats")
public class ComparisonResource {

    @Inject
    Comparison comparison;
    @Inject
    TenantDirectory tenants;

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.PLATFORM_ADMIN})
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Compare cities", description = "Per city for the months from..to: offences per 1,000 "
            + "inhabitants (total and by category), clearance rate, perceived safety, and the other modules' period "
            + "indicators (modules=false leaves them out). Accept: text/csv for a spreadsheet.")
    @APIResponse(responseCode = "400", description = "Bad from/to")
    @APIResponse(responseCode = "401", description = "No token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or platform-admin")
    public Response compare(@QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("modules") String modules,
                            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        YearMonth[] p = StatsQueries.period(from, to, LocalDate.now(ZoneId.of("Europe/Prague")));
        Comparison.Table t = comparison.compare(p[0], p[1], Params.flag("modules", modules, true));
        boolean csv = headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.getType().equals("text")
                && m.getSubtype().equals("csv"));
        if (csv) {
            return Response.ok(Comparison.csv(t), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"comparison-" + p[0] + "-" + p[1] + ".csv\"")
                    .build();
        }
        return Response.ok(t, MediaType.APPLICATION_JSON).build();
    }
}
