package cz.safecity.districts.control;

import cz.safecity.districts.entity.BoroughRef;
import cz.safecity.districts.entity.BoundaryRef;
import cz.safecity.districts.entity.RiskPlace;
import cz.safecity.districts.entity.WorkingGroupAssignment;
import cz.safecity.platform.contract.DistrictAt;
import cz.safecity.platform.contract.DistrictCodes;
import cz.safecity.platform.contract.DistrictDirectory;
import cz.safecity.platform.contract.DistrictRef;
import cz.safecity.platform.contract.Person;
import cz.safecity.platform.contract.RiskPlaceIntake;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantDirectory;
import cz.safecity.platform.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The districts module's side of the platform contracts {@link DistrictDirectory} and {@link RiskPlaceIntake}:
 * what other modules may ask of districts, with the city named explicitly. Each call runs as that city
 * ({@link TenantContext#callAs}) inside a request context (activated when the caller has none, e.g. an async
 * observer or an import job), and reads the same cached indexes as the public locate, so a bulk caller pays no
 * database round trip per call in the steady state.
 */
@ApplicationScoped
public class DistrictsDirectory implements DistrictDirectory, RiskPlaceIntake {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    @Inject
    TenantContext tenant;
    @Inject
    TenantDirectory cities;
    @Inject
    DistrictLocator locator;
    @Inject
    DistrictsCache cached;
    @Inject
    HierarchyStore hierarchy;
    @PersistenceContext(unitName = "districts")
    EntityManager em;

    @Override
    @ActivateRequestContext
    public Optional<DistrictAt> locate(TenantId city, double lat, double lon, LocalDate on) {
        return as(city, () -> {
            Optional<DistrictLocator.VersionIndex> vi = locator.versionAt(on).map(locator::index);
            if (vi.isEmpty()) {
                return Optional.empty();
            }
            DistrictIndex.Location<DistrictLocator.Entry> where =
                    vi.get().index().locate(lon, lat, locator.nearBoundaryMetres());
            if (!(where instanceof DistrictIndex.Inside<DistrictLocator.Entry> in)) {
                return Optional.empty();
            }
            Map<Long, BoroughRef> boroughs = cached.boroughs(hierarchy::boroughs);
            List<DistrictRef> neighbours = in.neighbours().stream().map(n -> ref(n.payload(), boroughs)).toList();
            return Optional.of(new DistrictAt(ref(in.district(), boroughs), in.nearBoundary(), neighbours));
        });
    }

    @Override
    @ActivateRequestContext
    public DistrictCodes districtCodes(TenantId city) {
        return as(city, () -> {
            // every version's index, built now (later calls have no container to build one with), in timeline order
            List<BoundaryRef> versions = BoundaryTimeline.ordered(locator.versions());
            List<DistrictIndex<DistrictLocator.Entry>> indexes = new ArrayList<>(versions.size());
            for (BoundaryRef v : versions) {
                indexes.add(locator.index(v).index());
            }
            return (lat, lon, on) -> {
                if (on == null || Double.isNaN(lat) || Double.isNaN(lon)) {
                    return null;
                }
                int i = BoundaryTimeline.indexAt(versions, on);
                return i < 0 ? null : indexes.get(i).codeAt(lon, lat);
            };
        });
    }

    @Override
    @ActivateRequestContext
    public Optional<DistrictRef> district(TenantId city, String code, LocalDate on) {
        return as(city, () -> locator.versionAt(on).map(locator::index)
                .map(vi -> vi.byCode().get(code))
                .map(e -> ref(e, cached.boroughs(hierarchy::boroughs))));
    }

    @Override
    @ActivateRequestContext
    public List<DistrictRef> districts(TenantId city, LocalDate on) {
        return as(city, () -> {
            Optional<DistrictLocator.VersionIndex> vi = locator.versionAt(on).map(locator::index);
            if (vi.isEmpty()) {
                return List.of();
            }
            Map<Long, BoroughRef> boroughs = cached.boroughs(hierarchy::boroughs);
            List<DistrictRef> out = new ArrayList<>(vi.get().byCode().size());
            vi.get().byCode().values().forEach(e -> out.add(ref(e, boroughs)));
            return List.copyOf(out);
        });
    }

    @Override
    @ActivateRequestContext
    @Transactional
    public List<Person> workingGroup(TenantId city, String code, LocalDate on) {
        return as(city, () -> WorkingGroupHistory.groupAt(tenant.bind(em).createQuery(
                                "select a from WorkingGroupAssignment a where a.districtCode = :code",
                                WorkingGroupAssignment.class).setParameter("code", code).getResultList(), on)
                .values().stream()
                .map(a -> new Person(a.role().key(), a.displayName(), a.username(), a.personId(), a.email()))
                .toList());
    }

    @Override
    @ActivateRequestContext
    @Transactional
    public long report(TenantId city, double lat, double lon, String description, String source, String actor) {
        if (!RiskPlace.SOURCES.contains(source)) {
            throw ProblemException.invalid("source", "must be one of " + RiskPlace.SOURCES);
        }
        return as(city, () -> {
            LocalDate today = LocalDate.now(tenant.require().zone());
            DistrictAt at = locate(city, lat, lon, today).orElseThrow(() -> new ProblemException(422,
                    "outside-city", "Outside the city's districts",
                    "No district of this city contains the marked place.", "location"));
            RiskPlace r = new RiskPlace(new RiskPlace.Fields(at.district().code(),
                    WGS84.createPoint(new Coordinate(lon, lat)), 0, "feels-unsafe", description, source, "open",
                    today, null), Instant.now(), actor, source);
            EntityManager m = tenant.bind(em);
            m.persist(r);
            m.flush();
            cached.cardPartsChanged();
            return r.id();
        });
    }

    private <T> T as(TenantId city, Supplier<T> work) {
        return tenant.callAs(cities.require(city.slug()), work);
    }

    private static DistrictRef ref(DistrictLocator.Entry e, Map<Long, BoroughRef> boroughs) {
        BoroughRef b = e.boroughId() == null ? null : boroughs.get(e.boroughId());
        return new DistrictRef(e.code(), e.name(), b == null ? null : b.name(), e.provisional());
    }
}
