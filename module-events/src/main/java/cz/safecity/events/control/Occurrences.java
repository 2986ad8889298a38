package cz.safecity.events.control;

import cz.safecity.events.entity.Meeting;
import cz.safecity.events.entity.OccurrenceView;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The occurrences of a series in a window: the rule's computed starts, with every materialised {@link Meeting}
 * replacing the computed occurrence of the same RECURRENCE-ID (a moved one is listed once, at its new time and only
 * if that falls in the window; a cancelled one at its time with status {@code cancelled}).
 */
public final class Occurrences {

    /** ISO 8601 with the local offset and seconds, e.g. {@code 2027-03-25T17:00:00+01:00}. */
    public static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    /** Local date-time of a RECURRENCE-ID in paths and answers, e.g. {@code 2027-03-25T17:00}. */
    public static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private Occurrences() {
    }

    /** An occurrence with its times in the city's zone. */
    public record Occurrence(LocalDateTime recurrenceId, ZonedDateTime start, ZonedDateTime end, String status,
                             ZonedDateTime originalStart, Meeting meeting) {

        public OccurrenceView view() {
            return new OccurrenceView(LOCAL.format(recurrenceId), ISO.format(start), ISO.format(end), status,
                    originalStart == null ? null : ISO.format(originalStart),
                    meeting == null ? null : meeting.location(), meeting == null ? null : meeting.cancelReason(),
                    meeting == null ? null : meeting.id());
        }
    }

    /**
     * Merges the computed and the materialised occurrences of one series in {@code [from, to)}.
     *
     * @param meetings the series' meetings whose start or RECURRENCE-ID lies in the window (more are harmless)
     * @param limit    at most this many occurrences, earliest first
     */
    public static List<Occurrence> merge(Cadence cadence, int durationMinutes, List<Meeting> meetings,
                                         ZonedDateTime from, ZonedDateTime to, int limit) {
        ZoneId zone = cadence.zone();
        Duration length = Duration.ofMinutes(durationMinutes);
        Set<LocalDateTime> materialised = new HashSet<>();
        Map<LocalDateTime, Meeting> byId = new HashMap<>();
        for (Meeting m : meetings) {
            materialised.add(m.recurrenceId());
            byId.put(m.recurrenceId(), m);
        }
        List<Occurrence> out = new ArrayList<>();
        for (ZonedDateTime z : cadence.starts(from, to.minusNanos(1), limit + materialised.size())) {
            if (!materialised.contains(z.toLocalDateTime())) {
                out.add(new Occurrence(z.toLocalDateTime(), z, z.plus(length), Meeting.PLANNED, null, null));
            }
        }
        for (Meeting m : byId.values()) {
            ZonedDateTime start = m.startAt().atZone(zone);
            if (start.isBefore(from) || !start.isBefore(to)) {
                continue;
            }
            out.add(materialised(m, zone));
        }
        out.sort(Comparator.comparing(Occurrence::start).thenComparing(Occurrence::recurrenceId));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** The occurrence of a materialised meeting. */
    public static Occurrence materialised(Meeting m, ZoneId zone) {
        ZonedDateTime start = m.startAt().atZone(zone);
        ZonedDateTime original = m.recurrenceId().atZone(zone);
        boolean moved = !start.toInstant().equals(original.toInstant());
        return new Occurrence(m.recurrenceId(), start, m.endAt().atZone(zone), m.status(), moved ? original : null, m);
    }
}
