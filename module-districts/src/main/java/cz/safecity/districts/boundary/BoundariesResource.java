package cz.safecity.districts.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.BoundaryImporter;
import cz.safecity.districts.control.BoundaryStore;
import cz.safecity.districts.control.BoundaryTimeline;
import cz.safecity.districts.control.FeatureMapping;
import cz.safecity.districts.entity.BoundaryRef;
import cz.safecity.districts.entity.BoundaryVersion;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Boundary versions of a city. {@code POST /api/cities/{city}/boundaries} (city-admin) imports a GeoJSON
 * FeatureCollection as a new version; {@code GET …/boundaries} lists versions (public); {@code GET
 * …/boundaries/{number}} shows one with its import warnings.
 */
@Tag(name = "districts")
@Path("cities/{city}/boundaries")
@RequestScoped
@ModuleEndpoint(DistrictsModule.ID)
@Produces(MediaType.APPLICATION_JSON)
public class BoundariesResource {

    /**
     * A boundary version with its details.
     *
     * @param inForce      whether it is the version in force today (city zone)
     * @param mapping      the import mapping or generation parameters (JSON object)
     * @param warnings     warnings of the import (only in the single-version answer)
     */
    public record VersionView(long id, int number, LocalDate validFrom, boolean provisional, String source,
                              int districtCount, int warningCount, Instant createdAt, boolean inForce,
                              JsonObject mapping, JsonArray warnings) {
    }

    @Inject
    BoundaryImporter importer;
    @Inject
    BoundaryStore store;
    @Inject
    TenantContext tenant;

    /**
     * Imports district boundaries: the body is an RFC 7946 FeatureCollection of Polygon/MultiPolygon features in
     * WGS84 lon/lat (up to 20 MB, Content-Type {@code application/geo+json} or {@code application/json}); query
     * parameters choose the property mapping: {@code codeProperty} or {@code codeTemplate} (e.g.
     * {@code {mc_praha}-{okrsek}}), {@code nameProperty} or {@code nameTemplate}, {@code boroughProperty},
     * {@code createBoroughs} (default false), {@code validFrom} (ISO date, city zone, default today),
     * {@code minAreaM2} (smallest overlap/gap reported, default 1 m²), {@code dryRun} (validate only).
     * 201 with {@code {boundary, districts, warningCount, warnings, createdBoroughs}} (200 for a dry run);
     * 400 for malformed GeoJSON or parameters; 409 when a borough mapping needs a borough level; 413 over 20 MB;
     * 422 with {@code errors: [{index, code, reason}]} for every bad feature (unclosed or self-intersecting ring,
     * swapped axes, outside the city, duplicate code, …) — then nothing is stored.
     */
    @POST
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes({Params.GEO_JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "Import a new version of the district boundaries (GeoJSON)",
            description = "City-admin. Validates every feature (422 with one error per feature), stores the version "
                    + "valid from validFrom. Errors: 400 for bad parameters or a body that is not GeoJSON, 409 "
                    + "for a concurrent version, 413 above the upload limit, 415 for a wrong content type, 422 "
                    + "for invalid features.")
    @APIResponse(responseCode = "409", description = "Another version was stored at the same time: retry")
    @APIResponse(responseCode = "413", description = "Upload larger than the city's limit")
    @APIResponse(responseCode = "415", description = "Not application/geo+json or application/json")
    @APIResponse(responseCode = "422", description = "Invalid features, one error each")
    public Response importBoundaries(@PathParam("city") String city, InputStream body, @Context HttpHeaders headers,
                                     @Context UriInfo uri,
                                     @QueryParam("validFrom") String validFrom,
                                     @QueryParam("codeProperty") String codeProperty,
                                     @QueryParam("codeTemplate") String codeTemplate,
                                     @QueryParam("nameProperty") String nameProperty,
                                     @QueryParam("nameTemplate") String nameTemplate,
                                     @QueryParam("boroughProperty") String boroughProperty,
                                     @QueryParam("createBoroughs") String createBoroughs,
                                     @QueryParam("minAreaM2") String minAreaM2,
                                     @QueryParam("dryRun") String dryRun) {
        var request = new BoundaryImporter.ImportRequest(
                Params.date("validFrom", validFrom, tenant.require().zone()),
                new FeatureMapping(Params.blankToNull(codeProperty), Params.blankToNull(codeTemplate),
                        Params.blankToNull(nameProperty), Params.blankToNull(nameTemplate),
                        Params.blankToNull(boroughProperty)),
                Params.flag("createBoroughs", createBoroughs, false),
                Params.number("minAreaM2", minAreaM2, 0, 1e12, 1.0),
                Params.flag("dryRun", dryRun, false));
        var report = importer.importBoundaries(body, headers.getLength(), request);
        if (report.dryRun()) {
            return Response.ok(report).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(Integer.toString(report.boundary().number()))
                .build()).entity(report).build();
    }

    /** All versions of the city, newest first (without warnings). */
    @GET
    @PermitAll
    @Operation(summary = "The city's boundary versions",
            description = "Public. Errors: 404 unknown city.")
    public List<VersionView> list(@PathParam("city") String city) {
        BoundaryRef current = current();
        return store.versionDetails().stream().map(v -> view(v, current, false)).toList();
    }

    /** One version by its number, with the warnings of its import. 404 for an unknown number. */
    @GET
    @Path("{number}")
    @PermitAll
    @Operation(summary = "One boundary version with its warnings",
            description = "Public. Errors: 400 for a non-numeric number, 404 for an unknown version.")
    public VersionView get(@PathParam("city") String city, @PathParam("number") String number) {
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Boundary version", number);
        }
        BoundaryVersion v = store.version(n).orElseThrow(() -> ProblemException.notFound("Boundary version", number));
        return view(v, current(), true);
    }

    private BoundaryRef current() {
        return BoundaryTimeline.at(store.versions(), LocalDate.now(tenant.require().zone())).orElse(null);
    }

    private static VersionView view(BoundaryVersion v, BoundaryRef current, boolean withWarnings) {
        JsonArray warnings = Json.createReader(new StringReader(v.warningsJson())).readArray();
        JsonObject mapping = v.mapping() == null ? null : Json.createReader(new StringReader(v.mapping())).readObject();
        return new VersionView(v.id(), v.number(), v.validFrom(), v.provisional(), v.source(), v.districtCount(),
                warnings.size(), v.createdAt(), current != null && current.id() == v.id(), mapping,
                withWarnings ? warnings : null);
    }
}
