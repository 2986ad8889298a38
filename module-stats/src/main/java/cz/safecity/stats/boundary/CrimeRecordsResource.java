package cz.safecity.stats.boundary;

import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.contract.DistrictDirectory;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantId;
import cz.safecity.stats.StatsModule;
import cz.safecity.stats.control.CrimeCsv;
import cz.safecity.stats.control.CrimeImporter;
import cz.safecity.stats.control.ImportJobs;
import cz.safecity.stats.control.ImportReport;
import cz.safecity.stats.control.StatsSettings;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Crime-record import. {@code POST /api/cities/{city}/crime-records?format=police-uk|cz-police|mapped} (city-admin,
 * police-officer) with a {@code text/csv} body; the upload is spooled to a temporary file (never held in memory),
 * its header checked at once, then imported within the request (200 with the report) or, when larger than the
 * {@code syncImportMegabytes} setting or with {@code async=true}, by a job (202, {@code Location} of the job).
 */
@Path("cities/{city}/crime-records")
@RequestScoped
@ModuleEndpoint(StatsModule.ID)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats")
public class CrimeRecordsResource {

    private static final Logger LOG = Logger.getLogger(CrimeRecordsResource.class.getName());
    private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    @Inject
    TenantContext tenant;
    @Inject
    Caller caller;
    @Inject
    AuditLog audit;
    @Inject
    StatsSettings settings;
    @Inject
    CrimeImporter importer;
    @Inject
    ImportJobs jobs;
    @Resource(lookup = "concurrent/__defaultManagedExecutorService")
    ManagedExecutorService executor;

    @POST
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER})
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import crime records (CSV)", description = "format=police-uk (original or snake_case "
            + "header), cz-police (id,x,y,mp,date,state,relevance,types) or mapped (source=, idColumn=, dateColumn=, "
            + "latColumn=, lonColumn=, typeColumn=, outcomeColumn=, delimiter=). Idempotent by (source, record id). "
            + "200 with {imported, duplicates, unlocated, rejected:[{line, reason}]}, or 202 with the job to poll.")
    @APIResponse(responseCode = "200", description = "The import report")
    @APIResponse(responseCode = "202", description = "Accepted: the job (Location) finishes with the report")
    @APIResponse(responseCode = "400", description = "Unknown format or bad mapping parameters, empty file")
    @APIResponse(responseCode = "409", description = "The districts module is not enabled for the city")
    @APIResponse(responseCode = "413", description = "Larger than the maxImportMegabytes setting")
    @APIResponse(responseCode = "422", description = "Missing columns, wrong delimiter, or broken quoting (with the "
            + "line); nothing was imported")
    public Response importRecords(@PathParam("city") String city, InputStream body, @Context HttpHeaders headers,
                                  @Context UriInfo uri, @QueryParam("format") String format,
                                  @QueryParam("source") String source, @QueryParam("delimiter") String delimiter,
                                  @QueryParam("idColumn") String idColumn, @QueryParam("dateColumn") String dateColumn,
                                  @QueryParam("latColumn") String latColumn, @QueryParam("lonColumn") String lonColumn,
                                  @QueryParam("typeColumn") String typeColumn,
                                  @QueryParam("outcomeColumn") String outcomeColumn,
                                  @QueryParam("async") String async, @QueryParam("demo") String demo) {
        TenantId id = tenant.id();
        CrimeCsv.Spec spec = spec(format, source, delimiter, Map.of("id", n(idColumn), "date", n(dateColumn),
                "lat", n(latColumn), "lon", n(lonColumn), "type", n(typeColumn), "outcome", n(outcomeColumn)));
        boolean isDemo = Params.flag("demo", demo, false);
        boolean forceAsync = Params.flag("async", async, false);
        DistrictDirectory directory = settings.directory(id);
        long max = settings.integer(id, StatsModule.MAX_IMPORT_MEGABYTES) * 1024 * 1024;
        java.nio.file.Path file = spool(body, headers.getLength(), max);
        boolean handedOver = false;
        try {
            long bytes = Files.size(file);
            if (bytes == 0) {
                throw new ProblemException(400, "empty-file", "Empty file", "body: the file is empty", "body");
            }
            importer.header(spec, file);
            long job = jobs.create(id, spec.format(), spec.source(), bytes, isDemo, caller.personId());
            audit.record("stats.crime-records.imported", "import-job", job, spec.format() + " " + bytes + " bytes");
            boolean background = forceAsync || bytes > settings.integer(id, StatsModule.SYNC_IMPORT_MEGABYTES) * 1024 * 1024;
            if (!background) {
                try {
                    ImportReport report = importer.run(job, id, spec, file, isDemo, directory);
                    return Response.ok(report).build();
                } catch (CrimeImporter.ImportFailed e) {
                    throw e.problem();
                }
            }
            executor.submit(() -> {
                try {
                    importer.run(job, id, spec, file, isDemo, directory);
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "import job " + job + " failed", e);
                } finally {
                    delete(file);
                }
            });
            handedOver = true;
            return Response.accepted(jobs.find(id, job).orElseThrow())
                    .location(uri.getBaseUriBuilder().path("cities").path(city).path("crime-records/imports")
                            .path(Long.toString(job)).build()).build();
        } catch (IOException e) {
            throw new ProblemException(400, "unreadable-body", "Unreadable body", "body: " + e.getMessage(), "body");
        } finally {
            if (!handedOver) {
                delete(file);
            }
        }
    }

    @GET
    @Path("imports/{id}")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER})
    @Operation(summary = "An import job", description = "Status queued|running|done|failed with progress (lines read, "
            + "imported, duplicates, unlocated, rejected); when done, report is the import report; when failed, "
            + "error (and line) say why, and nothing was kept.")
    @APIResponse(responseCode = "404", description = "No such job in this city")
    public ImportJobs.Job job(@PathParam("city") String city, @PathParam("id") String jobId) {
        return jobs.find(tenant.id(), Params.id("Import job", jobId))
                .orElseThrow(() -> ProblemException.notFound("Import job", jobId));
    }

    @GET
    @Path("imports")
    @RolesAllowed({Roles.CITY_ADMIN, Roles.POLICE_OFFICER})
    @Operation(summary = "Recent import jobs", description = "The city's last 50 import jobs, newest first.")
    public List<ImportJobs.Job> jobs(@PathParam("city") String city) {
        return jobs.recent(tenant.id(), 50);
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    static CrimeCsv.Spec spec(String format, String source, String delimiter, Map<String, String> columns) {
        if (format == null || format.isBlank()) {
            throw ProblemException.invalid("format", "is required: police-uk, cz-police or mapped");
        }
        return switch (format.strip()) {
            case "police-uk" -> CrimeCsv.Spec.policeUk();
            case "cz-police" -> CrimeCsv.Spec.czPolice();
            case "mapped" -> {
                if (source == null || !SOURCE.matcher(source).matches() || source.equals("police-uk")
                        || source.equals("cz-police")) {
                    throw ProblemException.invalid("source", "a mapped import names its source (lower-case letters, "
                            + "digits, '-'; not police-uk or cz-police), e.g. mp-plzen");
                }
                for (String required : List.of("date", "type")) {
                    if (columns.get(required).isBlank()) {
                        throw ProblemException.invalid(required + "Column", "is required for format=mapped");
                    }
                }
                if (columns.get("lat").isBlank() != columns.get("lon").isBlank()) {
                    throw ProblemException.invalid("latColumn", "latColumn and lonColumn go together");
                }
                char d = ',';
                if (delimiter != null && !delimiter.isEmpty()) {
                    String v = delimiter.equals("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
                    if (v.length() != 1 || v.equals("\"") || v.equals("\n") || v.equals("\r")) {
                        throw ProblemException.invalid("delimiter", "one character, e.g. ; or tab");
                    }
                    d = v.charAt(0);
                }
                yield CrimeCsv.mapped(source, columns, d);
            }
            default -> throw ProblemException.invalid("format", "'" + format + "' is not police-uk, cz-police or "
                    + "mapped");
        };
    }

    /** Copies the body to a temporary file, failing with 413 as soon as it exceeds {@code max} bytes. */
    private static java.nio.file.Path spool(InputStream body, long declared, long max) {
        if (declared > max) {
            throw tooLarge(max);
        }
        java.nio.file.Path file;
        try {
            file = Files.createTempFile("stats-import-", ".csv");
        } catch (IOException e) {
            throw new IllegalStateException("no temporary file for the upload", e);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = body.read(buf)) > 0) {
                total += n;
                if (total > max) {
                    throw tooLarge(max);
                }
                out.write(buf, 0, n);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw new ProblemException(400, "unreadable-body", "Unreadable body", "body: " + e.getMessage(), "body");
        }
    }

    private static ProblemException tooLarge(long max) {
        return new ProblemException(413, "payload-too-large", "Upload too large", "body: the upload exceeds "
                + (max / (1024 * 1024)) + " MB (setting maxImportMegabytes)", "body");
    }

    private static void delete(java.nio.file.Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file
        }
    }
}
