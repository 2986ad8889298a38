package cz.safecity.districts.boundary;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.HierarchyStore;
import cz.safecity.districts.entity.HierarchyLevel;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The levels of a city's hierarchy, top to bottom: {@code GET /api/cities/{city}/levels} (public) and {@code PUT}
 * (city-admin), e.g. Sokolov {@code city → district}, Plzeň and Praha {@code city → borough → district}.
 */
@Tag(name = "districts")
@Path("cities/{city}/levels")
@RequestScoped
@ModuleEndpoint(DistrictsModule.ID)
@Produces(MediaType.APPLICATION_JSON)
public class LevelsResource {

    /**
     * A level.
     *
     * @param key  {@code city}, {@code district} or a borough level key, e.g. {@code borough}
     * @param name display name, e.g. {@code Městský obvod}
     */
    public record Level(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,39}", message = "lower-case key, 1–40 characters")
                        String key, @NotBlank @Size(max = 100) String name) {
    }

    /** Body of PUT: the levels, top ({@code city}) to bottom ({@code district}), 2–6 of them. */
    public record Levels(@NotNull @Size(min = 2, max = 6) List<@NotNull @Valid Level> levels) {
    }

    @Inject
    HierarchyStore hierarchy;
    @Inject
    AuditLog audit;
    @Inject
    TenantContext tenant;

    /** The city's levels; {@code city, district} when none were declared. */
    @GET
    @PermitAll
    @Operation(summary = "The city's hierarchy levels (city, borough, district)",
            description = "Public. Errors: 404 unknown city.")
    public Levels get(@PathParam("city") String city) {
        return new Levels(hierarchy.levels().stream().map(l -> new Level(l.key(), l.name())).toList());
    }

    /**
     * Replaces the levels. 400 naming {@code levels} when they do not start with {@code city} and end with
     * {@code district} or repeat a key; 409 when a dropped level still has boroughs.
     */
    @PUT
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Set the city's hierarchy levels",
            description = "City-admin. Audited. Errors: 400 naming the field, 409 when a level in use would go.")
    @APIResponse(responseCode = "409", description = "A level in use would be removed")
    public Levels put(@PathParam("city") String city, @Valid @NotNull Levels body) {
        List<HierarchyLevel> stored = hierarchy.replaceLevels(body.levels().stream().map(Level::key).toList(),
                body.levels().stream().map(l -> l.name().strip()).toList());
        audit.record("districts.levels.set", "city", tenant.id().slug(),
                stored.stream().map(HierarchyLevel::key).collect(Collectors.joining(" → ")));
        return new Levels(stored.stream().map(l -> new Level(l.key(), l.name())).toList());
    }
}
