package cz.safecity.districts.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.GeoJsonExport;
import cz.safecity.districts.control.LocalProjection;
import cz.safecity.districts.control.OutlineReader;
import cz.safecity.districts.control.OutlineStore;
import cz.safecity.districts.control.UploadLimit;
import cz.safecity.districts.entity.Outline;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The municipal outline of a city: {@code PUT /api/cities/{city}/outline[?property=&value=]} (city-admin) and
 * {@code GET …/outline[?simplify=]} (public, a GeoJSON Feature).
 */
@Tag(name = "districts")
@Path("cities/{city}/outline")
@RequestScoped
@ModuleEndpoint(DistrictsModule.ID)
public class OutlineResource {

    /**
     * The stored outline.
     *
     * @param features features selected from the upload (dissolved into one outline)
     * @param repaired of which invalid and repaired (JTS GeometryFixer)
     * @param areaM2   area, m²
     * @param bbox     [minLon, minLat, maxLon, maxLat], degrees
     */
    public record OutlineView(String source, int features, int repaired, long areaM2, List<Double> bbox,
                              Instant updatedAt) {
    }

    @Inject
    OutlineStore store;
    @Inject
    TenantContext tenant;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;

    /**
     * Sets the city's outline from GeoJSON (a Feature, a FeatureCollection or a geometry; WGS84 lon/lat; ≤ 20 MB).
     * From a collection, {@code property} and {@code value} select features — e.g. {@code kod=554791} (Plzeň) from
     * the file of all Czech municipalities; several matches are dissolved into one outline ({@code ok=Praha}).
     * 200 with {@link OutlineView}; 400 for malformed GeoJSON or only one of property/value; 413 over 20 MB;
     * 422 when nothing matches or a geometry is not a (Multi)Polygon.
     */
    @PUT
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes({Params.GEO_JSON, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @jakarta.transaction.Transactional
    @Operation(summary = "Set the city's outline (GeoJSON polygon)",
            description = "City-admin. Invalid rings are repaired and counted. Errors: 400 for a body that is not a "
                    + "GeoJSON polygon, 413 above the upload limit, 415 for a wrong content type.")
    @APIResponse(responseCode = "413", description = "Upload larger than the city's limit")
    @APIResponse(responseCode = "415", description = "Not application/geo+json or application/json")
    public OutlineView put(@PathParam("city") String city, InputStream body, @Context HttpHeaders headers,
                           @QueryParam("property") String property, @QueryParam("value") String value) {
        var upload = UploadLimit.of(body, DistrictsModule.MAX_UPLOAD_BYTES, headers.getLength());
        OutlineReader.Selection s = OutlineReader.read(upload, Params.blankToNull(property), Params.blankToNull(value));
        Geometry g = s.geometry();
        double area = LocalProjection.around(g.getEnvelopeInternal()).areaM2(g);
        String source = property == null ? "upload" : property + "=" + value;
        Outline o = store.replace(g, Math.round(area), source, caller.personId());
        audit.record("districts.outline.set", "outline", tenant.id().slug(), source + ", " + s.features()
                + " feature(s), " + Math.round(area / 10_000) / 100.0 + " km²");
        return view(o, g, s.features(), s.repaired());
    }

    /**
     * The outline as a GeoJSON Feature ({@code properties: {city, source, areaM2, updatedAt}}), simplified by
     * {@code simplify} metres if given. 404 when the city has none.
     */
    @GET
    @PermitAll
    @Produces({Params.GEO_JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "The city's outline as GeoJSON",
            description = "Public. Errors: 400 for a bad simplify tolerance, 404 when the city has no outline.")
    public String get(@PathParam("city") String city, @QueryParam("simplify") String simplify) {
        Outline o = store.outline().orElseThrow(() -> new ProblemException(404, "not-found", "Not found",
                "City '" + tenant.id().slug() + "' has no outline yet.", null));
        double tolerance = Params.number("simplify", simplify, 0, 10_000, 0);
        Geometry g = GeoJsonExport.simplified(List.of(o.geometry()), tolerance).get(0);
        String props = Json.createObjectBuilder().add("city", tenant.id().slug())
                .add("source", o.source() == null ? "" : o.source()).add("areaM2", Math.round(o.areaM2()))
                .add("updatedAt", o.updatedAt().toString()).build().toString();
        return "{\"type\":\"Feature\",\"properties\":" + props + ",\"geometry\":" + GeoJsonExport.geometry(g) + "}";
    }

    private static OutlineView view(Outline o, Geometry g, int features, int repaired) {
        Envelope e = g.getEnvelopeInternal();
        return new OutlineView(o.source(), features, repaired, Math.round(o.areaM2()),
                List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()), o.updatedAt());
    }
}
