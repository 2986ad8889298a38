package cz.safecity.districts.boundary;

import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.DistrictLocator;
import cz.safecity.districts.control.GeoJsonExport;
import cz.safecity.districts.control.HierarchyStore;
import cz.safecity.districts.entity.Borough;
import cz.safecity.districts.entity.BoundaryRef;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/cities/{city}/districts.geojson[?at=&simplify=]} (public): the districts in force on {@code at}
 * as an RFC 7946 FeatureCollection with properties {@code code, name, borough, boroughName, provisional,
 * boundaryVersion, validFrom}; {@code simplify} is a tolerance in metres (0–1000) for JTS
 * TopologyPreservingSimplifier, applied in the local metric projection (≈ simplify/111 195 degrees of latitude,
 * simplify/(111 195·cos φ) of longitude at the city's latitude φ). An empty collection before the first version.
 */
@Path("cities/{city}/districts.geojson")
@RequestScoped
@ModuleEndpoint(DistrictsModule.ID)
public class DistrictsGeoJsonResource {

    @Inject
    DistrictLocator locator;
    @Inject
    HierarchyStore hierarchy;
    @Inject
    TenantContext tenant;

    @GET
    @PermitAll
    @Produces({Params.GEO_JSON, "application/json"})
    public StreamingOutput export(@PathParam("city") String city, @QueryParam("at") String at,
                                  @QueryParam("simplify") String simplify) {
        LocalDate date = Params.date("at", at, tenant.require().zone());
        double tolerance = Params.number("simplify", simplify, 0, 1000, 0);
        List<GeoJsonExport.Feature> features = new ArrayList<>();
        var version = locator.versionAt(date);
        if (version.isPresent()) {
            BoundaryRef v = version.get();
            Map<Long, Borough> boroughs = new HashMap<>();
            hierarchy.boroughs().forEach(b -> boroughs.put(b.id(), b));
            for (DistrictLocator.Entry e : locator.index(v).byCode().values()) {
                JsonObjectBuilder props = Json.createObjectBuilder().add("code", e.code()).add("name", e.name());
                Borough b = e.boroughId() == null ? null : boroughs.get(e.boroughId());
                if (b != null) {
                    props.add("borough", b.code()).add("boroughName", b.name());
                } else {
                    props.addNull("borough");
                }
                props.add("provisional", e.provisional()).add("boundaryVersion", v.number())
                        .add("validFrom", v.validFrom().toString());
                features.add(new GeoJsonExport.Feature(props.build(), e.wgs84()));
            }
        }
        return out -> GeoJsonExport.write(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                features, tolerance);
    }
}
