package cz.safecity.messaging.boundary;

import cz.safecity.messaging.MessagingModule;
import cz.safecity.messaging.control.Ladder;
import cz.safecity.messaging.control.Matters;
import cz.safecity.messaging.control.Submission;
import cz.safecity.messaging.entity.Matter;
import cz.safecity.platform.module.ModuleEndpoint;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The citizen's side of a matter through the tracking link {@code /api/cities/{city}/messaging/tracking/{secret}}
 * (no account: the secret is the access): read the thread (level, owner's name and role, due date, meeting), reply,
 * move a near-boundary matter to a neighbouring district once, export (JSON) and erase the contact data. A malformed,
 * unknown or another city's secret answers 404.
 */
@Path("cities/{city}/messaging/tracking/{secret}")
@ModuleEndpoint(MessagingModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "messaging")
public class TrackingResource {

    @Inject
    Matters matters;
    @Inject
    Ladder ladder;

    @GET
    @PermitAll
    @Transactional
    @Operation(summary = "The matter as the citizen sees it: status, level, owner, due date, public thread")
    @APIResponse(responseCode = "200", description = "the matter")
    @APIResponse(responseCode = "404", description = "no such tracking link in this city")
    public Views.CitizenView get(@PathParam("secret") String secret) {
        Matter m = matters.byTracking(secret);
        return Views.citizen(m, ladder.levels(), matters.thread(m.id, false));
    }

    @POST
    @Path("replies")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The citizen replies in the thread ({\"text\"})")
    @APIResponse(responseCode = "201", description = "the entry")
    @APIResponse(responseCode = "404", description = "no such tracking link in this city")
    @APIResponse(responseCode = "409", description = "the matter is closed")
    @APIResponse(responseCode = "422", description = "text empty or over 4,000 characters")
    public Response reply(@PathParam("secret") String secret, String body) {
        String text = Submission.text(Bodies.object(body), "text");
        return Response.status(201).entity(Views.entry(matters.citizenReply(secret, text))).build();
    }

    @POST
    @Path("district")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Move a near-boundary matter to a neighbouring district, once ({\"district\"})")
    @APIResponse(responseCode = "200", description = "the matter")
    @APIResponse(responseCode = "400", description = "not one of the neighbouring districts")
    @APIResponse(responseCode = "409", description = "not near a boundary, or already moved")
    public Views.CitizenView move(@PathParam("secret") String secret, String body) {
        String district = MattersResource.string(Bodies.object(body), "district", true);
        Matter m = matters.citizenMove(secret, district);
        return Views.citizen(m, ladder.levels(), matters.thread(m.id, false));
    }

    @GET
    @Path("confirm/{confirm}")
    @PermitAll
    @Operation(summary = "Confirm the citizen's e-mail address with the single-use link from the confirmation mail")
    @APIResponse(responseCode = "200", description = "confirmed; reply notifications will be mailed")
    @APIResponse(responseCode = "404", description = "a wrong or already used confirmation link")
    public Response confirm(@PathParam("secret") String secret, @PathParam("confirm") String confirm) {
        Matter m = matters.confirmEmail(secret, confirm);
        return Response.ok(Bodies.JSON.createObjectBuilder().add("id", m.id).add("emailConfirmed", true).build()
                .toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("export")
    @PermitAll
    @Transactional
    @Operation(summary = "Everything stored about the citizen's matter and contact (JSON download)")
    @APIResponse(responseCode = "200", description = "the export")
    @APIResponse(responseCode = "404", description = "no such tracking link in this city")
    public Response export(@PathParam("secret") String secret) {
        Matter m = matters.byTracking(secret);
        JsonObjectBuilder contact = Bodies.JSON.createObjectBuilder();
        add(contact, "name", m.contactName);
        add(contact, "email", m.contactEmail);
        add(contact, "phone", m.contactPhone);
        JsonArrayBuilder thread = Bodies.JSON.createArrayBuilder();
        matters.thread(m.id, false).forEach(e -> thread.add(Bodies.JSON.createObjectBuilder().add("kind", e.kind)
                .add("text", e.text).add("authorName", e.authorName).add("authorRole", e.authorRole)
                .add("createdAt", e.createdAt.toString())));
        JsonObjectBuilder o = Bodies.JSON.createObjectBuilder().add("id", m.id).add("category", m.category)
                .add("text", m.text).add("status", m.status).add("createdAt", m.createdAt.toString())
                .add("consent", m.consent).add("locale", m.locale).add("contact", contact)
                .add("thread", thread);
        if (m.lat != null) {
            o.add("location", Bodies.JSON.createObjectBuilder().add("lat", m.lat).add("lon", m.lon));
        }
        if (m.districtCode != null) {
            o.add("district", m.districtCode);
        }
        if (m.emailConfirmedAt != null) {
            o.add("emailConfirmedAt", m.emailConfirmedAt.toString());
        }
        if (m.contactErasedAt != null) {
            o.add("contactErasedAt", m.contactErasedAt.toString());
        }
        JsonObject out = o.build();
        return Response.ok(out.toString(), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"matter-" + m.id + ".json\"").build();
    }

    @DELETE
    @Path("contact")
    @PermitAll
    @Transactional
    @Operation(summary = "Erase the citizen's contact data (name, e-mail, phone); the thread stays")
    @APIResponse(responseCode = "204", description = "erased (also when there was nothing to erase)")
    @APIResponse(responseCode = "404", description = "no such tracking link in this city")
    public Response erase(@PathParam("secret") String secret) {
        matters.eraseContact(matters.byTracking(secret), "at the citizen's request");
        return Response.noContent().build();
    }

    private static void add(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }

}
