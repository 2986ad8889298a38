package cz.safecity.stats.boundary;

import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.stats.StatsModule;
import cz.safecity.stats.control.Surveys;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Feeling-of-safety surveys of a city: created and invited by the city-admin; read, answered anonymously and their
 * results read by anyone.
 */
@Path("cities/{city}/surveys")
@RequestScoped
@ModuleEndpoint(StatsModule.ID)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats")
public class SurveysResource {

    /** {@code {"count": n}}. */
    public record Invite(Integer count) {
    }

    /** The new tokens (shown once). */
    public record Tokens(long survey, List<String> tokens) {
    }

    /** What a batch of paper answers created. */
    public record PaperResult(int accepted, List<Surveys.Accepted> answers) {
    }

    @Inject
    TenantContext tenant;
    @Inject
    Caller caller;
    @Inject
    AuditLog audit;
    @Inject
    Surveys surveys;

    @POST
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a feeling-of-safety survey", description = "{title, periodFrom, periodTo (YYYY-MM), "
            + "opensAt, closesAt (local date-times in the city's zone, e.g. 2026-12-20T23:00), access open|invitation, "
            + "questions:[{key, text, districts?}]}; the standard item is always asked.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Bad input (field named)")
    public Response create(@PathParam("city") String city, Surveys.NewSurvey body, @Context UriInfo uri) {
        Surveys.Survey s = surveys.create(tenant.require(), body, caller.personId());
        audit.record("stats.survey.created", "survey", s.id(), s.title());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(s.id())).build()).entity(s).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Surveys of the city", description = "Newest period first, with status upcoming|open|closed.")
    public List<Surveys.Survey> list(@PathParam("city") String city) {
        return surveys.list(tenant.require());
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "A survey", description = "Its questions, scale and answer window (city zone and UTC).")
    @APIResponse(responseCode = "404", description = "No such survey in this city")
    public Surveys.Survey get(@PathParam("city") String city, @PathParam("id") String id) {
        return surveys.require(tenant.require(), Params.id("Survey", id));
    }

    @POST
    @Path("{id}/invitations")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invitation tokens", description = "{count}: new one-time tokens for an invitation survey; "
            + "shown once, only their hashes are kept.")
    @APIResponse(responseCode = "409", description = "The survey is open to all")
    public Tokens invite(@PathParam("city") String city, @PathParam("id") String id, Invite body) {
        long sid = Params.id("Survey", id);
        List<String> tokens = surveys.invite(tenant.require(), sid, body == null || body.count() == null ? 0
                : body.count());
        audit.record("stats.survey.invited", "survey", sid, tokens.size() + " tokens");
        return new Tokens(sid, tokens);
    }

    @POST
    @Path("{id}/responses")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a survey (anonymous)", description = "{token?, district | lat+lon, safety 1..4, "
            + "answers:{key: 1..4}, riskPlaces:[{lat, lon, description}]}; marked risk places become the district's "
            + "risk places (source survey). Nothing identifies the respondent.")
    @APIResponse(responseCode = "201", description = "Accepted")
    @APIResponse(responseCode = "400", description = "Bad answer (field named)")
    @APIResponse(responseCode = "403", description = "Invitation token missing, unknown or used")
    @APIResponse(responseCode = "409", description = "Outside the answer window")
    @APIResponse(responseCode = "422", description = "A place outside the city's districts")
    @APIResponse(responseCode = "429", description = "Too many answers from this client")
    public Response answer(@PathParam("city") String city, @PathParam("id") String id, Surveys.Answer body,
                           @Context HttpServletRequest request) {
        Surveys.Accepted a = surveys.answer(tenant.require(), Params.id("Survey", id), body,
                request == null ? "?" : request.getRemoteAddr(), false);
        return Response.status(201).entity(a).build();
    }

    @POST
    @Path("{id}/paper-responses")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter paper answers", description = "A list of anonymous answers collected on paper, "
            + "entered by the city-admin (no token, no window check); all or nothing.")
    @APIResponse(responseCode = "400", description = "A bad answer (field named with its index)")
    public PaperResult paper(@PathParam("city") String city, @PathParam("id") String id,
                             List<Surveys.Answer> body) {
        long sid = Params.id("Survey", id);
        List<Surveys.Accepted> out = new ArrayList<>();
        if (body == null || body.size() > 5000) {
            throw cz.safecity.platform.problem.ProblemException.invalid("body", "a list of 1..5000 answers");
        }
        for (Surveys.Answer a : body) {
            out.add(surveys.answer(tenant.require(), sid, a, null, true));
        }
        audit.record("stats.survey.paper-answers", "survey", sid, out.size() + " answers");
        return new PaperResult(out.size(), out);
    }

    @GET
    @Path("{id}/results")
    @PermitAll
    @Operation(summary = "Survey results per district", description = "Per district: answers (sample size), share "
            + "feeling unsafe with its 95 % Wilson interval, mean score, per-district questions; districts with fewer "
            + "answers than surveyMinAnswers are marked tooFew, not hidden.")
    @APIResponse(responseCode = "404", description = "No such survey in this city")
    public Surveys.Results results(@PathParam("city") String city, @PathParam("id") String id) {
        return surveys.results(tenant.require(), Params.id("Survey", id));
    }

}
