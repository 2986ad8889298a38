package cz.safecity.districts.control;

import cz.safecity.districts.entity.WorkingGroupAssignment;
import cz.safecity.districts.entity.WorkingGroupAssignment.Person;
import cz.safecity.districts.entity.WorkingGroupRole;
import cz.safecity.platform.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a working-group seat's history (one district, one role), on plain objects so that they are
 * unit-tested without a database. Days are local dates in the city's zone, {@code to} inclusive.
 * <ul>
 *   <li>A new assignment from day F ends the seat's latest assignment on F − 1 (if it was open or ended later).
 *       F equal to the latest assignment's first day supersedes it: its {@code to} becomes F − 1, so it was never in
 *       force, but it stays in the history. F before the latest assignment's first day is a 409 naming {@code from}:
 *       history is not rewritten.</li>
 *   <li>Assigning the person who already holds the open seat, with identical fields, changes nothing (idempotent).</li>
 *   <li>Ending the seat without a successor sets the latest assignment's last day; at least its first day − 1.</li>
 *   <li>Who answers on day D: the assignment with {@code from ≤ D ≤ to} (to open = forever).</li>
 * </ul>
 */
public final class WorkingGroupHistory {

    /** Order of a seat's history: first day, then creation time, then id. The last element is the latest. */
    static final Comparator<WorkingGroupAssignment> ORDER = Comparator
            .comparing(WorkingGroupAssignment::validFrom)
            .thenComparing(WorkingGroupAssignment::createdAt)
            .thenComparing(a -> a.id() == null ? Long.MAX_VALUE : a.id());

    private WorkingGroupHistory() {
    }

    /**
     * What an assignment did.
     *
     * @param assignment the new assignment, or the existing one when nothing changed
     * @param ended      the previous assignment that the new one ended (its {@code to} now F − 1), or null
     * @param changed    false when the same person already held the open seat with the same fields
     */
    public record Assigned(WorkingGroupAssignment assignment, WorkingGroupAssignment ended, boolean changed) {
    }

    /**
     * Assigns {@code person} to the seat from {@code from}.
     *
     * @param seat all assignments so far of this district and role (any order)
     * @return the outcome; a created assignment is not yet persisted
     * @throws ProblemException 409 naming {@code from} when {@code from} lies before the latest assignment's first day
     */
    public static Assigned assign(Collection<WorkingGroupAssignment> seat, String districtCode, WorkingGroupRole role,
                                  LocalDate from, Person person, Instant now, String by) {
        Optional<WorkingGroupAssignment> latest = latest(seat);
        WorkingGroupAssignment ended = null;
        if (latest.isPresent()) {
            WorkingGroupAssignment last = latest.get();
            if (from.isBefore(last.validFrom())) {
                throw ProblemException.conflict("The " + role.key() + " seat of district " + districtCode
                        + " is assigned from " + last.validFrom() + "; a new assignment must start on or after that"
                        + " day (history is not rewritten).", "from");
            }
            if (last.validTo() == null && last.samePerson(person)) {
                return new Assigned(last, null, false);
            }
            if (last.validTo() == null || !last.validTo().isBefore(from)) {
                last.end(from.minusDays(1), now, by);
                ended = last;
            }
        }
        return new Assigned(new WorkingGroupAssignment(districtCode, role, from, person, now, by), ended, true);
    }

    /**
     * Ends the seat's latest assignment on {@code lastDay} (inclusive) without a successor.
     *
     * @return the ended assignment
     * @throws ProblemException 404 when the seat was never assigned; 409 when the latest assignment already ended on
     *                          or before {@code lastDay}; 400 naming {@code to} when {@code lastDay} is earlier than
     *                          the day before its first day
     */
    public static WorkingGroupAssignment end(Collection<WorkingGroupAssignment> seat, String districtCode,
                                             WorkingGroupRole role, LocalDate lastDay, Instant now, String by) {
        WorkingGroupAssignment last = latest(seat).orElseThrow(() -> ProblemException.notFound(
                "working-group seat", districtCode + "/" + role.key()));
        if (last.validTo() != null && !last.validTo().isAfter(lastDay)) {
            throw ProblemException.conflict("The " + role.key() + " seat of district " + districtCode
                    + " has already ended on " + last.validTo() + ".", "to");
        }
        if (lastDay.isBefore(last.validFrom().minusDays(1))) {
            throw ProblemException.invalid("to", lastDay + " is before the assignment's first day "
                    + last.validFrom());
        }
        last.end(lastDay, now, by);
        return last;
    }

    /** The assignment in force on {@code day}, if any. */
    public static Optional<WorkingGroupAssignment> at(Collection<WorkingGroupAssignment> seat, LocalDate day) {
        return seat.stream().filter(a -> a.coversDay(day)).max(ORDER);
    }

    /** For a whole district: the member of each seat on {@code day}, in seat order; vacant seats are absent. */
    public static Map<WorkingGroupRole, WorkingGroupAssignment> groupAt(Collection<WorkingGroupAssignment> district,
                                                                        LocalDate day) {
        Map<WorkingGroupRole, WorkingGroupAssignment> out = new EnumMap<>(WorkingGroupRole.class);
        for (WorkingGroupRole role : WorkingGroupRole.values()) {
            at(district.stream().filter(a -> a.role() == role).toList(), day).ifPresent(a -> out.put(role, a));
        }
        return out;
    }

    /** Newest first: the order history answers use. */
    public static List<WorkingGroupAssignment> newestFirst(Collection<WorkingGroupAssignment> assignments) {
        return assignments.stream().sorted(ORDER.reversed()).toList();
    }

    static Optional<WorkingGroupAssignment> latest(Collection<WorkingGroupAssignment> seat) {
        return seat.stream().max(ORDER);
    }
}
