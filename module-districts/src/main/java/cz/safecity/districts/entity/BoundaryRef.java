package cz.safecity.districts.entity;

import java.time.LocalDate;

/**
 * A boundary version as the API shows it (and as the timeline and caches use it).
 *
 * @param id          version id ({@code districts_boundary_version.id}, global)
 * @param number      1, 2, 3… within the city
 * @param validFrom   first day in force, ISO date in the city's zone
 * @param provisional generated, not imported from official data
 * @param source      {@code import} or {@code provisional}
 */
public record BoundaryRef(long id, int number, LocalDate validFrom, boolean provisional, String source) {

    public static BoundaryRef of(BoundaryVersion v) {
        return new BoundaryRef(v.id(), v.number(), v.validFrom(), v.provisional(), v.source());
    }
}
