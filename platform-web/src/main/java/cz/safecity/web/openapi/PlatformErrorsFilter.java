package cz.safecity.web.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Build-time filter of the generated OpenAPI document (smallrye-open-api-maven-plugin {@code <filter>}): documents
 * the errors the platform's edge answers for every operation, whoever wrote it, so that each module documents only
 * its own:
 * <ul>
 *   <li>{@code 401} and {@code 403} on every operation with a {@code security} requirement (the roles it lists);</li>
 *   <li>{@code 404} on every city-scoped path ({@code {city}}: unknown city, or the module disabled there);</li>
 *   <li>{@code 400} on every operation with parameters or a body (a value that does not convert);</li>
 * </ul>
 * and gives every 4xx/5xx answer the content {@code application/problem+json} with the RFC 9457 schema
 * {@code Problem}. A response an operation describes itself is kept as written.
 */
public class PlatformErrorsFilter implements OASFilter {

    static final String PROBLEM = "application/problem+json";

    @Override
    public PathItem filterPathItem(PathItem item) {
        return item;
    }

    @Override
    public void filterOpenAPI(org.eclipse.microprofile.openapi.models.OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("field", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("the input at fault, e.g. body, lat, settings.retentionDays")));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> e : openAPI.getPaths().getPathItems().entrySet()) {
            boolean cityScoped = e.getKey().contains("{city}");
            Map<PathItem.HttpMethod, Operation> ops = e.getValue().getOperations();
            if (ops == null) {
                continue;
            }
            for (Operation op : ops.values()) {
                document(op, cityScoped);
            }
        }
    }

    private static void document(Operation op, boolean cityScoped) {
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        boolean hasInput = (op.getParameters() != null && !op.getParameters().isEmpty()) || op.getRequestBody() != null;
        if (hasInput) {
            add(responses, "400", "Invalid input: a parameter or body that does not convert or validate; "
                    + "the problem's field names it");
        }
        if (secured) {
            add(responses, "401", "No, malformed or expired bearer token");
            add(responses, "403", "The token's roles do not allow this operation in this city");
        }
        if (cityScoped) {
            add(responses, "404", "Unknown city, or the module is not enabled for the city"
                    + (hasInput ? ", or an unknown id in the path" : ""));
        }
        if (responses.getAPIResponses() != null) {
            for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
                if ((r.getKey().startsWith("4") || r.getKey().startsWith("5")) && r.getValue().getRef() == null) {
                    Content content = r.getValue().getContent();
                    if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
                        MediaType problem = OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("Problem"));
                        r.getValue().setContent(OASFactory.createContent().addMediaType(PROBLEM, problem));
                    }
                }
            }
        }
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.getAPIResponses() == null || !responses.getAPIResponses().containsKey(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }
}
