package cz.safecity.messaging.boundary;

import cz.safecity.messaging.MessagingModule;
import cz.safecity.messaging.control.Ladder;
import cz.safecity.messaging.control.Submission;
import cz.safecity.messaging.entity.Category;
import cz.safecity.messaging.entity.Level;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A city's messaging setup: {@code /api/cities/{city}/messaging/categories} and {@code .../ladder}. Public reads (the
 * defaults until the city-admin replaces them); the city-admin replaces a whole list with PUT (audited).
 */
@Path("cities/{city}/messaging")
@ModuleEndpoint(MessagingModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "messaging")
public class SetupResource {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    @Inject
    Ladder ladder;

    @GET
    @Path("categories")
    @PermitAll
    @Operation(summary = "The city's categories of matters (Open311 services)")
    @APIResponse(responseCode = "200", description = "categories in display order")
    public List<Views.CategoryView> categories() {
        return ladder.categories().stream().map(Views::category).toList();
    }

    @PUT
    @Path("categories")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the categories ([{code, nameCs, nameEn, active}]) (city-admin)")
    @APIResponse(responseCode = "200", description = "the new list")
    @APIResponse(responseCode = "400", description = "a bad or duplicate code, a missing name")
    @APIResponse(responseCode = "403", description = "not the city-admin of this city")
    public List<Views.CategoryView> replaceCategories(String body) {
        List<Category> list = new ArrayList<>();
        JsonArray a = array(body);
        for (int i = 0; i < a.size(); i++) {
            JsonObject o = object(a.get(i), "[" + i + "]");
            Category c = new Category();
            c.code = key(o, "[" + i + "].code", "code");
            c.nameCs = name(o, "nameCs", "[" + i + "].nameCs");
            c.nameEn = o.containsKey("nameEn") ? name(o, "nameEn", "[" + i + "].nameEn") : c.nameCs;
            c.active = o.get("active") != JsonValue.FALSE;
            list.add(c);
        }
        return ladder.replaceCategories(list).stream().map(Views::category).toList();
    }

    @GET
    @Path("ladder")
    @PermitAll
    @Operation(summary = "The city's escalation ladder, lowest level first, with deadlines in working days")
    @APIResponse(responseCode = "200", description = "levels")
    public List<Views.LevelView> levels() {
        return ladder.levels().stream().map(Views::level).toList();
    }

    @PUT
    @Path("ladder")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the ladder ([{key, name, bodyKind, ackDays, answerDays, notifyEmail}]) (city-admin)")
    @APIResponse(responseCode = "200", description = "the new ladder")
    @APIResponse(responseCode = "400", description = "a bad or duplicate key, days out of range, a bad e-mail")
    @APIResponse(responseCode = "403", description = "not the city-admin of this city")
    public List<Views.LevelView> replaceLevels(String body) {
        List<Level> list = new ArrayList<>();
        JsonArray a = array(body);
        for (int i = 0; i < a.size(); i++) {
            String at = "[" + i + "]";
            JsonObject o = object(a.get(i), at);
            Level l = new Level();
            l.key = key(o, at + ".key", "key");
            l.name = name(o, "name", at + ".name");
            l.bodyKind = o.containsKey("bodyKind") && o.get("bodyKind") != JsonValue.NULL
                    ? key(o, at + ".bodyKind", "bodyKind") : null;
            l.ackDays = days(o, "ackDays", at);
            l.answerDays = days(o, "answerDays", at);
            l.notifyEmail = o.get("notifyEmail") instanceof jakarta.json.JsonString s
                    ? Submission.checkEmail(s.getString(), at + ".notifyEmail") : null;
            list.add(l);
        }
        return ladder.replaceLevels(list).stream().map(Views::level).toList();
    }

    private static JsonArray array(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "a JSON array is required");
        }
        try (JsonReader r = Bodies.JSON.createReader(new StringReader(body))) {
            JsonValue v = r.readValue();
            if (v instanceof JsonArray a) {
                return a;
            }
        } catch (RuntimeException e) {
            throw ProblemException.invalid("body", "not valid JSON");
        }
        throw ProblemException.invalid("body", "must be a JSON array");
    }

    private static JsonObject object(JsonValue v, String at) {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw ProblemException.invalid(at, "must be an object");
    }

    private static String key(JsonObject o, String field, String key) {
        if (!(o.get(key) instanceof jakarta.json.JsonString s) || !KEY.matcher(s.getString()).matches()) {
            throw ProblemException.invalid(field, "must be lower-case letters, digits and '-', 1–40 characters");
        }
        return s.getString();
    }

    private static String name(JsonObject o, String key, String field) {
        if (!(o.get(key) instanceof jakarta.json.JsonString s) || s.getString().isBlank()
                || s.getString().length() > 200) {
            throw ProblemException.invalid(field, "is required (1–200 characters)");
        }
        return s.getString().strip();
    }

    private static int days(JsonObject o, String key, String at) {
        if (!(o.get(key) instanceof JsonNumber n) || !n.isIntegral() || n.intValue() < 0 || n.intValue() > 365) {
            throw ProblemException.invalid(at + "." + key, "must be whole working days 0–365");
        }
        return n.intValue();
    }
}
