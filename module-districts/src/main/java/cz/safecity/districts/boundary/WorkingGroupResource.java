package cz.safecity.districts.boundary;

import cz.safecity.platform.json.Inputs;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.control.DistrictCodes;
import cz.safecity.districts.control.MemberInput;
import cz.safecity.districts.control.VCards;
import cz.safecity.districts.control.WorkingGroupHistory;
import cz.safecity.districts.control.WorkingGroups;
import cz.safecity.districts.entity.AssignmentView;
import cz.safecity.districts.entity.WorkingGroupMember;
import cz.safecity.districts.entity.WorkingGroupRole;
import cz.safecity.districts.entity.WorkingGroupView;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;

/**
 * The working group of a district: {@code /api/cities/{city}/districts/{code}/working-group…}. Reads are public and
 * show public fields only; assignments are made and ended by the city-admin and audited.
 * <ul>
 *   <li>{@code GET …/working-group?at=YYYY-MM-DD} — who answers for the district that day (default today):
 *       {@link WorkingGroupView}.</li>
 *   <li>{@code GET …/working-group/history} — every assignment, newest first ({@link WorkingGroupMember}s with
 *       {@code from}/{@code to}).</li>
 *   <li>{@code GET …/working-group/assignments} — the same with private fields (city-admin).</li>
 *   <li>{@code POST …/working-group/{role}} — assign a person (body: {@link MemberInput}); 201, or 200 when the
 *       same person already holds the open seat with the same fields.</li>
 *   <li>{@code GET …/working-group/{role}?at=} — one member (JSON); {@code GET …/working-group/{role}.vcf?at=} — the
 *       member's vCard 4.0 ({@code text/vcard}).</li>
 *   <li>{@code DELETE …/working-group/{role}?to=} and {@code POST …/working-group/{role}/end} ({@code {"to": date}})
 *       — end the seat's assignment without a successor; {@code to} is the last day in force, default yesterday.</li>
 * </ul>
 * Errors: 400 naming {@code role}, {@code at}, {@code to} or a body field; 404 for a district code that is not in the
 * boundary version in force (on {@code at}, or today for changes) or a vacant seat; 409 for a {@code from} before
 * the seat's latest assignment or a seat already ended.
 */
@Tag(name = "districts")
@Path("cities/{city}/districts/{code}/working-group")
@ModuleEndpoint(DistrictsModule.ID)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkingGroupResource {

    @Inject
    WorkingGroups groups;
    @Inject
    DistrictCodes districts;
    @Inject
    TenantContext tenant;

    /** Members in force on {@code at} (default today, city zone), public fields. */
    @GET
    @PermitAll
    @Operation(summary = "A district's working group on a date",
            description = "Public. Errors: 400 naming at, 404 for an unknown district.")
    public WorkingGroupView group(@PathParam("code") String code, @QueryParam("at") String at) {
        return groups.on(code, day("at", at));
    }

    /** Every assignment of the district, newest first, public fields. 404 when no boundary version knew the code. */
    @GET
    @Path("history")
    @PermitAll
    @Operation(summary = "Everyone who held a seat of the district's working group",
            description = "Public. Errors: 404 for an unknown district.")
    public List<WorkingGroupMember> history(@PathParam("code") String code) {
        return groups.history(code);
    }

    /** Every assignment with private fields (username, personId, who assigned/ended), newest first. */
    @GET
    @Path("assignments")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "The district's assignments with private fields",
            description = "City-admin. Errors: 404 for an unknown district.")
    public List<AssignmentView> assignments(@PathParam("code") String code) {
        return groups.assignmentsNewestFirst(code).stream().map(AssignmentView::of).toList();
    }

    /**
     * Assigns a person to the seat from {@code from} (default today); the previous assignment ends the day before.
     *
     * @return 201 with the new assignment (private fields included: the caller is the city-admin), or 200 with the
     *         unchanged current one
     */
    @POST
    @Path("{role}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a person to a seat (police-officer, constable, councillor)",
            description = "City-admin. Ends the previous assignment. Audited. Errors: 400 naming role or a body "
                    + "field, 404 for an unknown district.")
    @APIResponse(responseCode = "201", description = "Assigned")
    public Response assign(@PathParam("code") String code, @PathParam("role") String role, String body,
                           @Context UriInfo uri) {
        WorkingGroupRole seat = WorkingGroupRole.of(role);
        MemberInput input = MemberInput.parse(Bodies.object(body), districts.today());
        WorkingGroupHistory.Assigned out = groups.assign(code, seat, input);
        AssignmentView view = AssignmentView.of(out.assignment());
        if (!out.changed()) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("cities").path(tenant.require().slug())
                .path("districts").path(code).path("working-group").queryParam("at", input.from()).build())
                .entity(view).build();
    }

    /** One member on {@code at} (default today), public fields; 404 when the seat is vacant. */
    @GET
    @Path("{role}")
    @PermitAll
    @Operation(summary = "The member holding a seat on a date",
            description = "Public. Errors: 400 naming role or at, 404 when the seat is vacant.")
    public WorkingGroupMember member(@PathParam("code") String code, @PathParam("role") String role,
                                     @QueryParam("at") String at) {
        WorkingGroupRole seat = WorkingGroupRole.of(role);
        return groups.member(code, seat, day("at", at));
    }

    /**
     * The member's business card as vCard 4.0 (RFC 6350), {@code text/vcard; charset=utf-8}: FN, N, TITLE, ORG,
     * TEL, EMAIL, PHOTO, NOTE (office hours) — public fields only. 404 when the seat is vacant on {@code at}.
     */
    @GET
    @Path("{role}.vcf")
    @PermitAll
    @Produces(VCards.MEDIA_TYPE)
    @Operation(summary = "The seat holder's business card (vCard 4.0)",
            description = "Public. Errors (problem+json): 400 naming role or at, 404 when the seat is vacant.")
    public Response vcard(@PathParam("code") String code, @PathParam("role") String role,
                          @QueryParam("at") String at) {
        WorkingGroupRole seat = WorkingGroupRole.of(role);
        WorkingGroupMember member = groups.member(code, seat, day("at", at));
        String file = (code + "-" + seat.key()).replaceAll("[^A-Za-z0-9._-]", "_") + ".vcf";
        return Response.ok(VCards.render(member, tenant.require().name()))
                .type(VCards.MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"" + file + "\"").build();
    }

    /** Ends the seat's latest assignment on {@code to} (default yesterday): the seat is vacant from the day after. */
    @DELETE
    @Path("{role}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "End a seat's assignment (DELETE with ?to=)",
            description = "City-admin. Audited. Errors: 400 naming role or to, 404 when nothing is assigned.")
    public AssignmentView end(@PathParam("code") String code, @PathParam("role") String role,
                              @QueryParam("to") String to) {
        WorkingGroupRole seat = WorkingGroupRole.of(role);
        return AssignmentView.of(groups.end(code, seat, day("to", to)));
    }

    /** As {@code DELETE}, with an optional JSON body {@code {"to": "YYYY-MM-DD"}} (no body: yesterday). */
    @POST
    @Path("{role}/end")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "End a seat's assignment (POST with {to})",
            description = "City-admin. Audited. Errors: 400 naming role, to or body, 404 when nothing is assigned.")
    public AssignmentView endByPost(@PathParam("code") String code, @PathParam("role") String role, String body) {
        WorkingGroupRole seat = WorkingGroupRole.of(role);
        LocalDate to = body == null || body.isBlank() ? null : Inputs.of(Bodies.object(body)).date("to");
        return AssignmentView.of(groups.end(code, seat, to));
    }

    private static LocalDate day(String param, String value) {
        return value == null || value.isBlank() ? null : Inputs.date(param, value);
    }
}
