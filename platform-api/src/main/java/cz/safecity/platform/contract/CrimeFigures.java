package cz.safecity.platform.contract;

import cz.safecity.platform.tenant.TenantId;
import java.time.YearMonth;
import java.util.OptionalLong;

/**
 * Recorded offences for a period, implemented by the stats module; the events module uses it for the
 * before/after figures of a measure's effectiveness review.
 */
public interface CrimeFigures {

    /**
     * Offences recorded in the city (or one district) in the months {@code from}..{@code to}, both included.
     *
     * @param districtCode a district code, or null for the whole city (unlocated records included)
     * @param category     a platform crime category, or null for all
     * @return empty when no crime records were ever imported for the city (unknown, not zero)
     */
    OptionalLong offences(TenantId city, String districtCode, String category, YearMonth from, YearMonth to);
}
