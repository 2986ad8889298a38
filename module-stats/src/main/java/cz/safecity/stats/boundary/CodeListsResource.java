package cz.safecity.stats.boundary;

import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.stats.StatsModule;
import cz.safecity.stats.control.CodeListStore;
import cz.safecity.stats.control.CodeLists;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Code lists of a source in a city: crime type → platform category, outcome → cleared | not-cleared | pending |
 * unknown. {@code GET} shows the effective lists (built-in defaults overlaid with the city's entries);
 * {@code PUT} (city-admin) adds or replaces entries; they apply to records imported afterwards.
 */
@Path("cities/{city}/stats/code-lists/{source}")
@RequestScoped
@ModuleEndpoint(StatsModule.ID)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats")
public class CodeListsResource {

    /** The lists, and the values allowed in them. */
    public record Lists(String source, Map<String, String> types, Map<String, String> outcomes,
                        List<String> categories, List<String> clearedValues) {
    }

    /** Entries to add or replace. */
    public record Change(Map<String, String> types, Map<String, String> outcomes) {
    }

    @Inject
    TenantContext tenant;
    @Inject
    CodeListStore store;
    @Inject
    AuditLog audit;

    @GET
    @PermitAll
    @Operation(summary = "Code lists of a source", description = "Effective type → category and outcome → cleared "
            + "lists of police-uk, cz-police or a mapped source.")
    public Lists get(@PathParam("city") String city, @PathParam("source") String source) {
        CodeLists.Mapping m = store.mapping(tenant.id(), source);
        return new Lists(source, m.types(), m.outcomes(), CodeLists.CATEGORIES,
                List.of(CodeLists.CLEARED, CodeLists.NOT_CLEARED, CodeLists.PENDING, CodeLists.UNKNOWN));
    }

    @PUT
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change code lists of a source", description = "Body {\"types\":{code: category}, "
            + "\"outcomes\":{code: cleared|not-cleared|pending|unknown}}; applies to later imports.")
    @APIResponse(responseCode = "400", description = "Unknown category or cleared value (field names the entry)")
    public Lists put(@PathParam("city") String city, @PathParam("source") String source, Change change) {
        if (change == null || source.length() > 40) {
            throw ProblemException.invalid("body", "a JSON object with types and/or outcomes");
        }
        store.put(tenant.id(), source, change.types() == null ? Map.of() : change.types(),
                change.outcomes() == null ? Map.of() : change.outcomes());
        audit.record("stats.code-lists.changed", "code-list", source, null);
        return get(city, source);
    }
}
