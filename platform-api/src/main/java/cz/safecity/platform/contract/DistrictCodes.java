package cz.safecity.platform.contract;

import java.time.LocalDate;

/**
 * A city's district assignment for a bulk caller (an import): a snapshot of every boundary version the city had when
 * it was taken, answering from memory. It may be called on any thread, outside any request or transaction, as often
 * as the caller likes; boundaries published after it was taken are not in it.
 */
@FunctionalInterface
public interface DistrictCodes {

    /**
     * The code of the district in force on {@code on} (a date in the city's zone) containing the WGS84 point, or null
     * when none does (outside every district, no boundaries on that date).
     */
    String codeAt(double lat, double lon, LocalDate on);
}
