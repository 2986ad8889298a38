package cz.safecity.districts.control;

import cz.safecity.districts.entity.BoundaryRef;
import cz.safecity.districts.entity.BoundaryVersion;
import cz.safecity.districts.entity.Outline;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Generates provisional district boundaries inside the city's outline ({@link ProvisionalPartitioner}) and stores
 * them as a new boundary version flagged provisional — in the data and in every answer — until the city imports
 * official ones (README of the shared data: "demo boundaries ... must be marked as provisional").
 */
@ApplicationScoped
public class ProvisionalBoundaries {

    /**
     * What to generate.
     *
     * @param districts    number of districts, 1…5000
     * @param boroughs     number of boroughs (0: none)
     * @param seed         random seed (same seed, same outline → same districts)
     * @param validFrom    first day in force (city zone)
     * @param districtName name template with {@code {n}}, e.g. {@code Okrsek {n}}
     * @param boroughName  borough name template with {@code {n}}, e.g. {@code Plzeň {n}}
     */
    public record Request(int districts, int boroughs, long seed, LocalDate validFrom, String districtName,
                          String boroughName) {
    }

    /** The new version, its districts and created boroughs. */
    public record Generated(BoundaryRef boundary, int districts, int boroughs, List<String> createdBoroughs) {
    }

    @Inject
    OutlineStore outlines;
    @Inject
    HierarchyStore hierarchy;
    @Inject
    BoundaryStore boundaries;
    @Inject
    TenantContext tenant;

    /**
     * @throws ProblemException 409 when the city has no outline, or boroughs are asked for but the hierarchy has no
     *                          borough level
     */
    public Generated generate(Request r) {
        Outline outline = outlines.outline().orElseThrow(() -> ProblemException.conflict("City '"
                + tenant.id().slug() + "' has no outline; upload it with PUT /api/cities/" + tenant.id().slug()
                + "/outline first.", "outline"));
        if (r.boroughs() > 0 && hierarchy.boroughLevels().isEmpty()) {
            throw ProblemException.conflict("Boroughs asked for, but this city's hierarchy has no borough level; "
                    + "declare it with PUT /levels first.", "boroughs");
        }
        Geometry city = outline.geometry();
        List<ProvisionalPartitioner.Cell> cells = ProvisionalPartitioner.partition(city, r.districts(), r.boroughs(),
                r.seed());
        if (cells.size() != r.districts()) {
            throw ProblemException.unprocessable("Cannot partition", "The outline yielded " + cells.size()
                    + " districts instead of " + r.districts() + "; try another seed.", List.of());
        }
        LocalProjection projection = LocalProjection.around(city.getEnvelopeInternal());
        List<BoundaryStore.NewDistrict> districts = new ArrayList<>();
        Map<String, String> boroughNames = new LinkedHashMap<>();
        for (ProvisionalPartitioner.Cell c : cells) {
            String borough = c.borough() == 0 ? null : Integer.toString(c.borough());
            if (borough != null) {
                boroughNames.put(borough, r.boroughName().replace("{n}", borough));
            }
            districts.add(new BoundaryStore.NewDistrict(Integer.toString(c.number()),
                    r.districtName().replace("{n}", Integer.toString(c.number())), borough, c.wgs84(),
                    BoundaryValidator.round(projection.areaM2(c.wgs84()))));
        }
        String parameters = Json.createObjectBuilder().add("districts", r.districts()).add("boroughs", r.boroughs())
                .add("seed", r.seed()).add("method", "centroidal Voronoi (JTS), clipped to the outline")
                .build().toString();
        BoundaryStore.Stored stored;
        try {
            stored = boundaries.create(new BoundaryStore.NewVersion(r.validFrom(), true,
                    BoundaryVersion.PROVISIONAL, parameters, districts, List.of(), boroughNames,
                    "districts.boundaries.generated"));
        } catch (RuntimeException e) {
            throw BoundaryStore.conflictIfConcurrent(e);
        }
        return new Generated(BoundaryRef.of(stored.version()), districts.size(), boroughNames.size(),
                stored.createdBoroughs());
    }
}
