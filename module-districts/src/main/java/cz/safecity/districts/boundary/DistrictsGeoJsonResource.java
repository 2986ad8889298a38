package cz.safecity.districts.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.DistrictLocator;
import cz.safecity.districts.control.GeoJsonExports;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;

/**
 * {@code GET /api/cities/{city}/districts.geojson[?at=&simplify=]} (public): the districts in force on {@code at}
 * as an RFC 7946 FeatureCollection with properties {@code code, name, borough, boroughName, provisional,
 * boundaryVersion, validFrom}; {@code simplify} is a tolerance in metres (0–1000) for JTS
 * TopologyPreservingSimplifier, applied in the local metric projection (≈ simplify/111 195 degrees of latitude,
 * simplify/(111 195·cos φ) of longitude at the city's latitude φ). An empty collection before the first version.
 * The answer is cached per (version, tolerance) ({@link GeoJsonExports}) and carries a weak {@code ETag}; a request
 * whose {@code If-None-Match} names it gets {@code 304 Not Modified} without a body.
 */
@Tag(name = "districts")
@Path("cities/{city}/districts.geojson")
@ApplicationScoped
@ModuleEndpoint(DistrictsModule.ID)
public class DistrictsGeoJsonResource {

    @Inject
    DistrictLocator locator;
    @Inject
    GeoJsonExports exports;
    @Inject
    TenantContext tenant;

    @GET
    @PermitAll
    @Produces({Params.GEO_JSON, "application/json"})
    @Operation(summary = "The districts in force on a date as a GeoJSON FeatureCollection (map layer)",
            description = "Public; ETag/304 per boundary version. Errors: 400 naming at or simplify for a bad value, "
                    + "404 unknown city.")
    public Response export(@PathParam("city") String city, @QueryParam("at") String at,
                           @QueryParam("simplify") String simplify, @Context Request request) {
        LocalDate date = Params.date("at", at, tenant.require().zone());
        double tolerance = Params.number("simplify", simplify, 0, 1000, 0);
        GeoJsonExports.Export export = locator.versionAt(date).map(v -> exports.export(v, tolerance))
                .orElseGet(GeoJsonExports::empty);
        EntityTag tag = new EntityTag(export.etag(), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        return Response.ok(export.body()).tag(tag).build();
    }
}
