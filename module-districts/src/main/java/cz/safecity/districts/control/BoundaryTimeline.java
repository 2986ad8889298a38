package cz.safecity.districts.control;

import cz.safecity.districts.entity.BoundaryRef;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which boundary version is in force on a date: the one with the latest {@code validFrom} not after the date; of
 * two with the same {@code validFrom}, the later import (higher id) — a same-day correction replaces the earlier
 * one without rewriting it. Before the first version's date there are no districts.
 */
public final class BoundaryTimeline {

    private static final Comparator<BoundaryRef> ORDER =
            Comparator.comparing(BoundaryRef::validFrom).thenComparingLong(BoundaryRef::id);

    private BoundaryTimeline() {
    }

    /** The versions in the order of {@link #at}'s choice: by valid-from date, then by id (the later import last). */
    public static List<BoundaryRef> ordered(Collection<BoundaryRef> versions) {
        return versions.stream().sorted(ORDER).toList();
    }

    /**
     * The rule itself, over versions already {@link #ordered}: the position of the last one whose valid-from date is
     * not after {@code date}, or -1 (no stream, no allocation: for a caller that asks once per imported row).
     */
    public static int indexAt(List<BoundaryRef> ordered, LocalDate date) {
        for (int i = ordered.size() - 1; i >= 0; i--) {
            if (!ordered.get(i).validFrom().isAfter(date)) {
                return i;
            }
        }
        return -1;
    }

    /** The version in force on {@code date} (a local date in the city's zone), if any. */
    public static Optional<BoundaryRef> at(Collection<BoundaryRef> versions, LocalDate date) {
        List<BoundaryRef> ordered = ordered(versions);
        int i = indexAt(ordered, date);
        return i < 0 ? Optional.empty() : Optional.of(ordered.get(i));
    }
}
