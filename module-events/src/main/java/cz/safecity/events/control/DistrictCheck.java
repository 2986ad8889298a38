package cz.safecity.events.control;

import cz.safecity.platform.contract.DistrictDirectory;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * Checks district codes against the districts module ({@link DistrictDirectory}, found with CDI
 * {@code Instance}). When that module is absent, disabled for the city, or the city has no boundaries in force, any
 * code is accepted as given (the events module works without districts).
 */
@ApplicationScoped
public class DistrictCheck {

    @Inject
    Instance<DistrictDirectory> directory;
    @Inject
    ModuleRegistry modules;

    /** @throws ProblemException 400 naming {@code field} when the city has districts and none has this code */
    public void require(TenantId city, String code, String field, LocalDate on) {
        if (code == null || directory.isUnsatisfied() || !modules.isEnabled(city, "districts")) {
            return;
        }
        DistrictDirectory d = directory.get();
        try {
            if (d.district(city, code, on).isEmpty() && !d.districts(city, on).isEmpty()) {
                throw ProblemException.invalid(field, "no district '" + code + "' is in force on " + on);
            }
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // the districts module could not answer (e.g. no outline yet): accept the code as given
        }
    }
}
