package cz.safecity.events.control;

import cz.safecity.platform.problem.ProblemException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * A meeting series: an RFC 5545 recurrence rule (RRULE value, e.g. {@code FREQ=WEEKLY;INTERVAL=2}) whose DTSTART is
 * a local date-time in the city's zone. Expansion is ical4j's ({@link Recur#getDates}) on {@link ZonedDateTime}s in
 * that zone, so a 17:00 meeting stays at 17:00 local time across the DST switches (RFC 5545 §3.3.10: the local time
 * of DTSTART is kept; a local time that does not exist on a spring-forward day moves forward by the gap). No date
 * arithmetic of our own.
 *
 * @param rule  the rule as stored (upper case, no {@code RRULE:} prefix)
 * @param start the first occurrence's local start (DTSTART), which must itself be an occurrence of the rule
 * @param zone  the city's zone
 */
public record Cadence(String rule, LocalDateTime start, ZoneId zone) {

    /** Frequencies a meeting series may have: at most daily. */
    static final Set<Frequency> ALLOWED = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY,
            Frequency.YEARLY);

    /**
     * Parses and checks a rule.
     *
     * @param rrule          the RRULE value, optionally prefixed {@code RRULE:}
     * @param start          DTSTART, local in {@code zone}
     * @param maxOccurrences most occurrences the series may have (counted within {@code horizonYears} of the start
     *                       for a rule without COUNT or UNTIL)
     * @throws ProblemException 400 naming {@code rrule} (not a valid RFC 5545 rule, more often than daily, or the
     *                          start is not an occurrence of it), 422 naming {@code rrule} when the series has more
     *                          than {@code maxOccurrences} occurrences
     */
    public static Cadence of(String rrule, LocalDateTime start, ZoneId zone, int maxOccurrences, int horizonYears) {
        Recur<ZonedDateTime> recur = parse(rrule);
        if (!ALLOWED.contains(recur.getFrequency())) {
            throw ProblemException.invalid("rrule", "FREQ=" + recur.getFrequency() + " is too frequent for meetings;"
                    + " use DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        Cadence c = new Cadence(recur.toString(), start, zone);
        ZonedDateTime first = c.first();
        List<ZonedDateTime> firstDay = recur.getDates(first, first, first, 1);
        if (firstDay.isEmpty()) {
            throw ProblemException.invalid("rrule", "the series start " + start + " is not an occurrence of the rule"
                    + " (RFC 5545: DTSTART must be synchronized with the RRULE), e.g. pick a start on a "
                    + (recur.getDayList().isEmpty() ? "matching day" : recur.getDayList() + " day"));
        }
        boolean bounded = recur.getCount() > 0 || recur.getUntil() != null;
        // a bounded rule is counted to its end (COUNT or UNTIL; at most a century), an open one within the horizon
        ZonedDateTime end = first.plusYears(bounded ? 100 : horizonYears);
        List<ZonedDateTime> counted = recur.getDates(first, first, end, maxOccurrences + 1);
        if (counted.size() > maxOccurrences) {
            throw new ProblemException(422, "too-many-occurrences", "Too many occurrences", "rrule: the series has"
                    + " more than " + maxOccurrences + " occurrences" + (bounded ? "" : " within " + horizonYears
                    + " years") + " (the city's limit, setting maxOccurrences)",
                    "rrule").with("maxOccurrences", maxOccurrences);
        }
        return c;
    }

    /** @throws ProblemException 400 naming {@code rrule} */
    static Recur<ZonedDateTime> parse(String rrule) {
        if (rrule == null || rrule.isBlank()) {
            throw ProblemException.invalid("rrule", "is required, e.g. FREQ=WEEKLY;INTERVAL=2");
        }
        String text = rrule.trim();
        if (text.toUpperCase(Locale.ROOT).startsWith("RRULE:")) {
            text = text.substring(6);
        }
        if (text.length() > 500) {
            throw ProblemException.invalid("rrule", "at most 500 characters");
        }
        try {
            return new Recur<>(text.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("rrule", "'" + rrule + "' is not an RFC 5545 recurrence rule: "
                    + e.getMessage());
        }
    }

    private Recur<ZonedDateTime> recur() {
        return new Recur<>(rule);
    }

    /** DTSTART in the city's zone. */
    public ZonedDateTime first() {
        return start.atZone(zone);
    }

    /**
     * Occurrence starts in {@code [from, to]} (both included), in order.
     *
     * @param limit at most this many
     */
    public List<ZonedDateTime> starts(ZonedDateTime from, ZonedDateTime to, int limit) {
        if (to.isBefore(from)) {
            return List.of();
        }
        return recur().getDates(first(), from, to, limit);
    }

    /** Whether {@code local} (a local start in the city's zone) is an occurrence of the series. */
    public boolean occursAt(LocalDateTime local) {
        ZonedDateTime at = local.atZone(zone);
        return starts(at, at, 1).stream().anyMatch(z -> z.toLocalDateTime().equals(local));
    }

    /** The next occurrence starting at or after {@code from}, if any. */
    public java.util.Optional<ZonedDateTime> next(ZonedDateTime from, int withinYears) {
        return starts(from, from.plusYears(withinYears), 1).stream().findFirst();
    }
}
