package cz.safecity.messaging.boundary;

import cz.safecity.messaging.MessagingModule;
import cz.safecity.messaging.control.Ladder;
import cz.safecity.messaging.control.Matters;
import cz.safecity.messaging.control.Submission;
import cz.safecity.messaging.control.Submissions;
import cz.safecity.messaging.entity.Category;
import cz.safecity.messaging.entity.Level;
import cz.safecity.messaging.entity.Matter;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantDirectory;
import cz.safecity.platform.time.PlatformClock;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Open311 GeoReport v2 (<a href="http://wiki.open311.org/GeoReport_v2">wiki.open311.org/GeoReport_v2</a>) at
 * {@code /open311/v2/} (forwarded by the web application to {@code /api/open311/v2/}): {@code jurisdiction_id} is the city's slug; services are the city's categories; a request
 * is an ordinary matter. Every endpoint answers {@code .json} and {@code .xml}; timestamps are ISO 8601 with the city's
 * offset; errors use the spec's error list with the HTTP status. The city is resolved here from
 * {@code jurisdiction_id} (there is no {@code {city}} path segment for the edge filter); all endpoints are public.
 * A POSTed request counts as consented by the submitting client application (the spec has no consent field).
 */
@Path("open311/v2")
@RequestScoped
@Tag(name = "messaging")
public class Open311Resource {

    static final String FORMAT = "{format: json|xml}";
    /** Default window of GET requests (spec: 90 days) and the cap (spec: 1000). */
    static final Duration WINDOW = Duration.ofDays(90);
    static final int CAP = 1000;

    @Inject
    TenantDirectory tenants;
    @Inject
    TenantContext tenant;
    @Inject
    ModuleRegistry modules;
    @Inject
    Ladder ladder;
    @Inject
    Matters matters;
    @Inject
    Submissions submissions;
    @Inject
    PlatformClock clock;
    @PersistenceContext(unitName = MessagingModule.ID)
    EntityManager em;

    @GET
    @Path("discovery." + FORMAT)
    @PermitAll
    @Operation(summary = "Open311 discovery: the GeoReport v2 endpoint and its formats")
    @APIResponse(responseCode = "200", description = "discovery document")
    public Response discovery(@PathParam("format") String format, @Context UriInfo uri) {
        Open311Format.Rec endpoint = new Open311Format.Rec()
                .with("specification", "http://wiki.open311.org/GeoReport_v2")
                .with("url", uri.getBaseUriBuilder().path("open311/v2").build().toString())
                .with("changeset", "2026-12-03T00:00:00Z").with("type", "production")
                .with("formats", List.of("text/xml", "application/json"));
        Open311Format.Rec d = new Open311Format.Rec().with("changeset", "2026-12-03T00:00:00Z")
                .with("contact", "Safe City platform; jurisdiction_id is the city's slug, e.g. praha")
                .with("key_service", "No API key is needed.").with("endpoints", List.of(endpoint));
        return Open311Format.object(format, "discovery", d);
    }

    @GET
    @Path("services." + FORMAT)
    @PermitAll
    @Operation(summary = "Open311 services: the city's categories")
    @APIResponse(responseCode = "200", description = "services")
    @APIResponse(responseCode = "400", description = "jurisdiction_id missing")
    @APIResponse(responseCode = "404", description = "unknown jurisdiction_id")
    public Response services(@PathParam("format") String format, @QueryParam("jurisdiction_id") String jurisdiction) {
        return in(format, jurisdiction, () -> Open311Format.list(format, "services", "service",
                ladder.categories().stream().filter(c -> c.active).map(this::service).toList(), 200));
    }

    private Open311Format.Rec service(Category c) {
        String locale = tenant.require().defaultLocale().getLanguage();
        return new Open311Format.Rec().with("service_code", c.code).with("service_name", c.name(locale))
                .with("description", c.name("cs") + " / " + c.name("en")).with("metadata", false)
                .with("type", "realtime").with("keywords", c.code).with("group", "safety");
    }

    @GET
    @Path("services/{code: [^/]+?}." + FORMAT)
    @PermitAll
    @Operation(summary = "Open311 service definition (no extra attributes)")
    @APIResponse(responseCode = "200", description = "service definition")
    @APIResponse(responseCode = "404", description = "unknown service_code or jurisdiction_id")
    public Response service(@PathParam("code") String code, @PathParam("format") String format,
                            @QueryParam("jurisdiction_id") String jurisdiction) {
        return in(format, jurisdiction, () -> {
            ladder.category(code).orElseThrow(() -> ProblemException.notFound("service_code", code));
            return Open311Format.object(format, "service_definition", new Open311Format.Rec()
                    .with("service_code", code).with("attributes", List.of()));
        });
    }

    @POST
    @Path("requests." + FORMAT)
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Open311 create a service request (form-encoded); an ordinary matter")
    @APIResponse(responseCode = "201", description = "[{service_request_id, service_notice, token}]")
    @APIResponse(responseCode = "400", description = "missing or bad field, unknown service_code, outside the city")
    @APIResponse(responseCode = "429", description = "too many requests from this address")
    public Response create(@PathParam("format") String format, MultivaluedMap<String, String> form,
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Context HttpServletRequest request) {
        return in(format, form == null ? null : form.getFirst("jurisdiction_id"), () -> {
            String code = required(form, "service_code");
            String description = form.getFirst("description");
            Submission.checkText(description, "description");
            Double lat = coordinate(form, "lat", 90);
            Double lon = coordinate(form, "long", 180);
            if (lat == null || lon == null) {
                throw ProblemException.invalid("lat", "lat and long are required (address lookup is not offered)");
            }
            String first = form.getFirst("first_name");
            String last = form.getFirst("last_name");
            String name = ((first == null ? "" : first.strip()) + " " + (last == null ? "" : last.strip())).strip();
            String email = Submission.checkEmail(form.getFirst("email"), "email");
            String phone = form.getFirst("phone");
            if (name.length() > 200 || (phone != null && phone.length() > 40)) {
                throw ProblemException.invalid(name.length() > 200 ? "first_name" : "phone", "is too long");
            }
            Submission s = new Submission(code, description, lat, lon, null, false, name.isEmpty() ? null : name,
                    email, phone == null || phone.isBlank() ? null : phone.strip(), true,
                    tenant.require().defaultLocale().getLanguage(), false, "open311");
            Submissions.Result r = submissions.submit(s, idempotencyKey,
                    request == null ? null : request.getRemoteAddr());
            Matter m = r.matter();
            Open311Format.Rec rec = new Open311Format.Rec().with("service_request_id", String.valueOf(m.id))
                    .with("token", String.valueOf(m.id))
                    .with("service_notice", Open311Notice.of(m, ladder.levels(),
                            tenant.require().defaultLocale().getLanguage(), tenant.require().zone()))
                    .with("account_id", null);
            return Open311Format.list(format, "service_requests", "request", List.of(rec), r.replayed() ? 200 : 201);
        });
    }

    @GET
    @Path("requests." + FORMAT)
    @PermitAll
    @Transactional
    @Operation(summary = "Open311 service requests (filters; last 90 days by default; at most 1000)")
    @APIResponse(responseCode = "200", description = "requests, newest first")
    @APIResponse(responseCode = "400", description = "a bad date, status or id list")
    public Response requests(@PathParam("format") String format, @QueryParam("jurisdiction_id") String jurisdiction,
                             @QueryParam("service_request_id") String ids, @QueryParam("service_code") String code,
                             @QueryParam("start_date") String startDate, @QueryParam("end_date") String endDate,
                             @QueryParam("status") String status) {
        return in(format, jurisdiction, () -> {
            StringBuilder q = new StringBuilder("select m from Matter m where 1 = 1");
            List<Long> idList = null;
            if (ids != null && !ids.isBlank()) {
                try {
                    idList = Arrays.stream(ids.split(",")).map(String::strip).map(Long::parseLong).toList();
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid("service_request_id", "must be a comma-separated list of ids");
                }
                q.append(" and m.id in :ids");
            }
            Instant end = endDate == null ? null : date("end_date", endDate);
            Instant start = startDate == null ? null : date("start_date", startDate);
            if (idList == null) {
                Instant now = clock.now(tenant.id());
                if (end == null) {
                    end = now.plusSeconds(1);
                }
                if (start == null) {
                    start = end.minus(WINDOW);
                }
                q.append(" and m.createdAt >= :start and m.createdAt < :end");
            }
            if (code != null && !code.isBlank()) {
                q.append(" and m.category in :codes");
            }
            if (status != null && !status.isBlank()) {
                for (String s : status.split(",")) {
                    if (!s.strip().equals("open") && !s.strip().equals("closed")) {
                        throw ProblemException.invalid("status", "must be open or closed");
                    }
                }
                boolean open = status.contains("open");
                boolean closed = status.contains("closed");
                if (open != closed) {
                    q.append(open ? " and m.status <> 'closed'" : " and m.status = 'closed'");
                }
            }
            q.append(" order by m.createdAt desc, m.id desc");
            TypedQuery<Matter> query = tenant.bind(em).createQuery(q.toString(), Matter.class);
            if (idList != null) {
                query.setParameter("ids", idList);
            } else {
                query.setParameter("start", start).setParameter("end", end);
            }
            if (code != null && !code.isBlank()) {
                query.setParameter("codes", Arrays.stream(code.split(",")).map(String::strip).toList());
            }
            List<Matter> found = query.setMaxResults(CAP).getResultList();
            List<Level> levels = ladder.levels();
            List<Open311Format.Rec> out = new ArrayList<>(found.size());
            found.forEach(m -> out.add(request(m, levels)));
            return Open311Format.list(format, "service_requests", "request", out, 200);
        });
    }

    @GET
    @Path("requests/{id: [^/.]+}." + FORMAT)
    @PermitAll
    @Transactional
    @Operation(summary = "Open311 one service request")
    @APIResponse(responseCode = "200", description = "a list with the request")
    @APIResponse(responseCode = "404", description = "no such request in this jurisdiction")
    public Response request(@PathParam("id") String id, @PathParam("format") String format,
                            @QueryParam("jurisdiction_id") String jurisdiction) {
        return in(format, jurisdiction, () -> Open311Format.list(format, "service_requests", "request",
                List.of(request(matters.require(id(id)), ladder.levels())), 200));
    }

    @GET
    @Path("tokens/{token: [^/.]+}." + FORMAT)
    @PermitAll
    @Transactional
    @Operation(summary = "Open311 the service request id behind a token")
    @APIResponse(responseCode = "200", description = "[{service_request_id, token}]")
    @APIResponse(responseCode = "404", description = "no such token in this jurisdiction")
    public Response token(@PathParam("token") String token, @PathParam("format") String format,
                          @QueryParam("jurisdiction_id") String jurisdiction) {
        return in(format, jurisdiction, () -> {
            Matter m = matters.require(id(token));
            return Open311Format.list(format, "service_requests", "request", List.of(new Open311Format.Rec()
                    .with("service_request_id", String.valueOf(m.id)).with("token", token)), 200);
        });
    }

    private Open311Format.Rec request(Matter m, List<Level> levels) {
        ZoneId zone = tenant.require().zone();
        String levelName = levels.stream().filter(l -> l.key.equals(m.levelKey)).map(l -> l.name).findFirst()
                .orElse(m.levelKey);
        String agency = m.districtName != null && m.escalations == 0 && Matter.TO_DISTRICT.equals(m.addressee)
                ? levelName + " — " + m.districtName : levelName;
        String service = ladder.categories().stream().filter(c -> c.code.equals(m.category))
                .map(c -> c.name(tenant.require().defaultLocale().getLanguage())).findFirst().orElse(m.category);
        return new Open311Format.Rec().with("service_request_id", String.valueOf(m.id))
                .with("status", "closed".equals(m.status) ? "closed" : "open")
                .with("status_notes", m.status)
                .with("service_name", service).with("service_code", m.category).with("description", m.text)
                .with("agency_responsible", agency)
                .with("service_notice", Open311Notice.of(m, levels, tenant.require().defaultLocale().getLanguage(),
                        zone))
                .with("requested_datetime", iso(m.createdAt, zone))
                .with("updated_datetime", iso(m.closedAt != null ? m.closedAt : m.levelSince, zone))
                .with("expected_datetime", iso(Views.dueAt(m), zone))
                .with("address", m.districtName).with("address_id", null).with("zipcode", null)
                .with("lat", m.lat).with("long", m.lon).with("media_url", null);
    }

    private static String iso(Instant at, ZoneId zone) {
        return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime()
                .withNano(0));
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("service request", id);
        }
    }

    private static Instant date(String field, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException e2) {
                throw ProblemException.invalid(field, "must be ISO 8601 with offset, e.g. 2026-12-01T00:00:00+01:00");
            }
        }
    }

    private static String required(MultivaluedMap<String, String> form, String field) {
        String v = form == null ? null : form.getFirst(field);
        if (v == null || v.isBlank()) {
            throw ProblemException.invalid(field, "is required");
        }
        return v.strip();
    }

    private static Double coordinate(MultivaluedMap<String, String> form, String field, double max) {
        String v = form == null ? null : form.getFirst(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d) || d < -max || d > max) {
                throw ProblemException.invalid(field, "is out of range");
            }
            return d;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "'" + v + "' is not a number");
        }
    }

    /**
     * Resolves {@code jurisdiction_id} to the city, enters it (the edge filter resolves only {@code {city}} path
     * segments), and maps every problem to the spec's error format: 400 for bad input (422 of the platform included,
     * as the spec knows only 400/404/403), 404, 429.
     */
    private Response in(String format, String jurisdiction, Supplier<Response> work) {
        try {
            if (jurisdiction == null || jurisdiction.isBlank()) {
                return Open311Format.error(format, 400, "jurisdiction_id is required (the city's slug, e.g. praha)");
            }
            Tenant city = tenants.find(jurisdiction.strip()).orElse(null);
            if (city == null || !modules.isEnabled(city.id(), MessagingModule.ID)) {
                return Open311Format.error(format, 404, "unknown jurisdiction_id " + jurisdiction.strip());
            }
            tenant.enter(city);
            return work.get();
        } catch (ProblemException p) {
            int status = p.status() == 422 || p.status() == 409 || p.status() == 413 ? 400 : p.status();
            Response r = Open311Format.error(format, status, p.detail());
            if (p.status() == 429) {
                return Response.fromResponse(r).header("Retry-After", p.extensions().get("retryAfter")).build();
            }
            return r;
        }
    }
}
