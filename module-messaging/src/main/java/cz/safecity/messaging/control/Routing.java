package cz.safecity.messaging.control;

import cz.safecity.platform.contract.DistrictAt;
import cz.safecity.platform.contract.DistrictDirectory;
import cz.safecity.platform.contract.DistrictRef;
import cz.safecity.platform.contract.Person;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where a matter goes, through the districts module's {@link DistrictDirectory} (found with CDI, never imported).
 * With the districts module absent or disabled for the city, a chosen district code is accepted as given and routing
 * by location answers a clear problem.
 */
@ApplicationScoped
public class Routing {

    static final String DISTRICTS = "districts";

    @Inject
    Instance<DistrictDirectory> directory;
    @Inject
    ModuleRegistry modules;

    /** The directory when the districts module is present and enabled for {@code city}. */
    public Optional<DistrictDirectory> directory(TenantId city) {
        if (directory.isUnsatisfied() || !modules.isEnabled(city, DISTRICTS)) {
            return Optional.empty();
        }
        return Optional.of(directory.get());
    }

    /**
     * The district at a point on {@code on}.
     *
     * @throws ProblemException 422 {@code location} when the point is outside every district; 409 when the districts
     *                          module is not available for the city (choose a district or the leadership instead)
     */
    public DistrictAt locate(TenantId city, double lat, double lon, LocalDate on) {
        DistrictDirectory d = directory(city).orElseThrow(() -> new ProblemException(409, "routing-unavailable",
                "Routing by location unavailable", "location: the districts module is not enabled for this city; "
                + "choose a district (district) or address the police leadership (\"to\":\"leadership\")",
                "location"));
        return d.locate(city, lat, lon, on).orElseThrow(() -> new ProblemException(422, "outside-city",
                "Outside the city", "location: " + lat + ", " + lon + " is outside every district of this city",
                "location"));
    }

    /**
     * The district with this code; when the districts module is not available, a bare reference with the code as name.
     *
     * @throws ProblemException 422 {@code district} when the city has no such district on {@code on}
     */
    public DistrictRef district(TenantId city, String code, LocalDate on) {
        Optional<DistrictDirectory> d = directory(city);
        if (d.isEmpty()) {
            return new DistrictRef(code, code, null, false);
        }
        return d.get().district(city, code, on).orElseThrow(() -> new ProblemException(422, "unknown-district",
                "Unknown district", "district: " + code + " is not a district of this city", "district"));
    }

    /**
     * Codes of the districts whose working group on {@code on} includes the person with this username (empty when the
     * districts module is not available).
     */
    public List<String> districtsOf(TenantId city, String username, LocalDate on) {
        if (username == null) {
            return List.of();
        }
        return directory(city).map(d -> d.districts(city, on).stream().map(DistrictRef::code)
                .filter(code -> d.workingGroup(city, code, on).stream().anyMatch(p -> username.equals(p.username())))
                .toList()).orElse(List.of());
    }

    /** E-mail addresses of the district's working group (empty when unknown). */
    public List<String> workingGroupEmails(TenantId city, String code, LocalDate on) {
        if (code == null) {
            return List.of();
        }
        try {
            return directory(city).map(d -> d.workingGroup(city, code, on)).orElse(List.of()).stream()
                    .map(Person::email).filter(e -> e != null && !e.isBlank()).distinct().toList();
        } catch (RuntimeException e) {
            return List.of(); // notifications never block a matter
        }
    }
}
