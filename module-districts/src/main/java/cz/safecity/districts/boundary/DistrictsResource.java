package cz.safecity.districts.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.DistrictCards;
import cz.safecity.districts.control.ProvisionalBoundaries;
import cz.safecity.districts.entity.DistrictCard;
import cz.safecity.districts.entity.Located;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Districts of a city, public: {@code GET /api/cities/{city}/districts[?at=]} (list),
 * {@code GET …/districts/{code}[?at=&geometry=]} (district card), {@code GET …/districts/locate?lat=&lon=[&at=]}
 * (which district a point is in). City-admin: {@code POST …/districts/provisional} (generate provisional
 * boundaries). {@code at} is an ISO date in the city's zone (default today) selecting the boundary version in force.
 * Application-scoped (it keeps no per-request state; the city comes from the request-scoped {@link TenantContext}),
 * so that the hot locate and card reads do not create and inject a resource instance per request.
 */
@Tag(name = "districts")
@Path("cities/{city}/districts")
@ApplicationScoped
@ModuleEndpoint(DistrictsModule.ID)
@Produces(MediaType.APPLICATION_JSON)
public class DistrictsResource {

    @Inject
    DistrictCards cards;
    @Inject
    ProvisionalBoundaries provisional;
    @Inject
    TenantContext tenant;
    @Context
    Providers providers;

    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];

    /**
     * The districts in force on {@code at}: {@code {boundary: {id, number, validFrom, provisional, source}, at,
     * districts: [{id, code, name, borough, provisional, areaM2}]}}; {@code boundary} null and an empty list before
     * the city's first boundary version. 400 naming {@code at} for a bad date.
     */
    @GET
    @PermitAll
    @Operation(summary = "The districts in force on a date",
            description = "Public. Errors: 400 naming at for a bad date, 404 unknown city.")
    public DistrictCards.DistrictList list(@PathParam("city") String city, @QueryParam("at") String at) {
        return cards.list(Params.date("at", at, tenant.require().zone()));
    }

    /**
     * The district card of {@code code} on {@code at}: {@link DistrictCard} with its GeoJSON geometry (WGS84 lon/lat)
     * unless {@code geometry=false}. 404 when the city has no such district on that date.
     */
    @GET
    @Path("{code}")
    @PermitAll
    @Operation(summary = "The district card (working group, contact points, recommendations, geometry)",
            description = "Public. Errors: 400 for a bad at or geometry value, 404 when the city has no such "
                    + "district on that date.")
    public DistrictCard card(@PathParam("city") String city, @PathParam("code") String code,
                             @QueryParam("at") String at, @QueryParam("geometry") String geometry) {
        return cards.card(code, Params.date("at", at, tenant.require().zone()),
                Params.flag("geometry", geometry, true));
    }

    /**
     * Which district the point is in: {@link Located} — the card, {@code nearBoundary} and {@code neighbours}
     * within the city's {@code nearBoundaryMetres} (default 25 m). A point on a shared edge belongs to the district
     * with the lowest code. 400 naming {@code lat}/{@code lon} (WGS84 degrees) when missing, not numbers or out of
     * range; 404 {@code outside-city} with {@code nearest: {code, name, distanceMetres}} when no district contains
     * the point; 404 {@code no-districts} before the city's first boundary version.
     */
    @GET
    @Path("locate")
    @PermitAll
    @Operation(summary = "Which district contains a point (WGS84 lat/lon)",
            description = "Public. Errors: 400 naming lat or lon for a missing or out-of-range value, 404 for a "
                    + "point outside the city (the nearest district named), or before the city's first boundary "
                    + "version.")
    @APIResponse(responseCode = "200", description = "The point's district card, nearBoundary and neighbours",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Located.class)))
    public Response locate(@PathParam("city") String city, @QueryParam("lat") String lat,
                           @QueryParam("lon") String lon, @QueryParam("at") String at,
                           @QueryParam("geometry") String geometry) {
        double latitude = Params.latitude(lat);
        double longitude = Params.longitude(lon);
        // the answer is Located, written as bytes around the district's card rendered once (no JSON-B per call)
        byte[] json = cards.locateJson(longitude, latitude, Params.date("at", at, tenant.require().zone()),
                Params.flag("geometry", geometry, true), this::json);
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A card as JSON bytes, written by the same JSON-B writer that writes the API's answers. */
    private byte[] json(DistrictCard card) {
        MessageBodyWriter<DistrictCard> writer = providers.getMessageBodyWriter(DistrictCard.class,
                DistrictCard.class, NO_ANNOTATIONS, MediaType.APPLICATION_JSON_TYPE);
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try {
            writer.writeTo(card, DistrictCard.class, DistrictCard.class, NO_ANNOTATIONS,
                    MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Generates provisional boundaries inside the city's outline (centroidal Voronoi, deterministic by seed) as a
     * new boundary version; every district is flagged {@code provisional: true}. 201 with {@code {boundary,
     * districts, boroughs, createdBoroughs}}; 400 naming the field for bad counts or dates; 409 without an outline,
     * or with boroughs but no borough level.
     */
    @POST
    @Path("provisional")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate provisional districts inside the city's outline",
            description = "City-admin. Errors: 400 naming the field, 409 without an outline or levels.")
    @APIResponse(responseCode = "201", description = "Generated")
    @APIResponse(responseCode = "409", description = "No outline or no borough level yet")
    public Response generate(@PathParam("city") String city, @Valid @NotNull ProvisionalRequest request) {
        int boroughs = request.boroughs() == null ? 0 : request.boroughs();
        if (boroughs > request.districts()) {
            throw ProblemException.invalid("boroughs", "must not exceed districts (" + request.districts() + ")");
        }
        var generated = provisional.generate(new ProvisionalBoundaries.Request(request.districts(), boroughs,
                request.seed() == null ? 1L : request.seed(),
                Params.date("validFrom", request.validFrom(), tenant.require().zone()),
                request.districtName() == null ? "Okrsek {n}" : request.districtName(),
                request.boroughName() == null ? "Obvod {n}" : request.boroughName()));
        return Response.status(Response.Status.CREATED).entity(generated).build();
    }
}
