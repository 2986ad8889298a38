package cz.safecity.districts.control;

import cz.safecity.districts.DistrictsModule;
import cz.safecity.districts.entity.Borough;
import cz.safecity.districts.entity.BoundaryRef;
import cz.safecity.districts.entity.BoundaryVersion;
import cz.safecity.districts.entity.BoundaryWarning;
import cz.safecity.districts.entity.Outline;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Imports a city's district boundaries from GeoJSON as a new boundary version: streams and validates the upload
 * ({@link BoundaryValidator}) outside any transaction, then stores the version, its districts, missing boroughs
 * and the audit record in one transaction ({@link BoundaryStore#create}).
 */
@ApplicationScoped
public class BoundaryImporter {

    /**
     * What to import.
     *
     * @param validFrom      first day in force (city zone)
     * @param mapping        which properties give code, name, borough
     * @param createBoroughs create unknown borough codes (named by their code) instead of refusing them
     * @param minAreaM2      smallest overlap/gap to warn about, m²
     * @param dryRun         validate and report only; nothing is stored
     */
    public record ImportRequest(LocalDate validFrom, FeatureMapping mapping, boolean createBoroughs, double minAreaM2,
                                boolean dryRun) {
    }

    /**
     * The outcome of an accepted import.
     *
     * @param boundary        the new version (null for a dry run)
     * @param districts       districts imported
     * @param warningCount    all warnings; {@code warnings} lists at most 500, largest first within each kind
     * @param createdBoroughs borough codes created by this import
     */
    public record ImportReport(BoundaryRef boundary, boolean dryRun, int districts, int warningCount,
                               List<BoundaryWarning> warnings, List<String> createdBoroughs) {
    }

    @Inject
    OutlineStore outlines;
    @Inject
    HierarchyStore hierarchy;
    @Inject
    BoundaryStore boundaries;
    @Inject
    DistrictLocator locator;
    @Inject
    ModuleRegistry modules;
    @Inject
    DistrictsModule module;
    @Inject
    TenantContext tenant;

    /**
     * @param body           the GeoJSON upload (RFC 7946, WGS84 lon/lat)
     * @param declaredLength Content-Length or -1
     * @throws ProblemException 413 over the size limit (setting {@code maxImportMegabytes}, at most 20 MB); 400 for
     *                          malformed GeoJSON; 409 when a borough mapping is given but the city has no borough
     *                          level; 422 listing {@code {index, code, reason}} for every bad feature
     */
    public ImportReport importBoundaries(InputStream body, long declaredLength, ImportRequest request) {
        long limit = maxBytes();
        UploadLimit upload = UploadLimit.of(body, limit, declaredLength);
        FeatureMapping mapping = request.mapping().validated();
        if (mapping.boroughProperty() != null && hierarchy.boroughLevels().isEmpty()) {
            throw ProblemException.conflict("boroughProperty given, but this city's hierarchy has no borough level; "
                    + "declare it with PUT /api/cities/" + tenant.id().slug() + "/levels first.", "boroughProperty");
        }
        Geometry outline = outlines.outline().map(Outline::geometry).orElse(null);
        Envelope inForce = locator.versionAt(request.validFrom()).map(v -> {
            Envelope e = new Envelope();
            locator.index(v).byCode().values().forEach(d -> e.expandToInclude(d.wgs84().getEnvelopeInternal()));
            return e;
        }).orElse(null);
        Set<String> known = hierarchy.boroughs().stream().map(Borough::code).collect(Collectors.toSet());
        BoundaryValidator validator = new BoundaryValidator(new BoundaryValidator.Context(mapping, outline, inForce,
                known, request.createBoroughs(), request.minAreaM2()));
        GeoJsonFeatures.read(upload, validator::accept);
        BoundaryValidator.Result result = validator.finish();
        if (request.dryRun()) {
            return new ImportReport(null, true, result.drafts().size(), result.warningCount(), result.warnings(),
                    List.of());
        }
        List<BoundaryStore.NewDistrict> districts = result.drafts().stream().map(d -> new BoundaryStore.NewDistrict(
                d.code(), d.name(), d.boroughCode(), d.geometry(), d.areaM2())).toList();
        BoundaryStore.Stored stored;
        try {
            stored = boundaries.create(new BoundaryStore.NewVersion(request.validFrom(), false,
                    BoundaryVersion.IMPORT, mappingJson(request), districts, result.warnings(), Map.of(),
                    "districts.boundaries.imported"));
        } catch (RuntimeException e) {
            throw BoundaryStore.conflictIfConcurrent(e);
        }
        return new ImportReport(BoundaryRef.of(stored.version()), false, districts.size(), result.warningCount(),
                result.warnings(), stored.createdBoroughs());
    }

    private long maxBytes() {
        Object mb = modules.settings(tenant.id(), module).get(DistrictsModule.MAX_IMPORT_MEGABYTES);
        long configured = mb instanceof Number n ? n.longValue() * 1024 * 1024 : DistrictsModule.MAX_UPLOAD_BYTES;
        return Math.max(1, Math.min(configured, DistrictsModule.MAX_UPLOAD_BYTES));
    }

    private static String mappingJson(ImportRequest r) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        FeatureMapping m = r.mapping();
        put(b, "codeProperty", m.codeProperty());
        put(b, "codeTemplate", m.codeTemplate());
        put(b, "nameProperty", m.nameProperty());
        put(b, "nameTemplate", m.nameTemplate());
        put(b, "boroughProperty", m.boroughProperty());
        return b.add("createBoroughs", r.createBoroughs()).add("minAreaM2", r.minAreaM2()).build().toString();
    }

    private static void put(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }
}
