package cz.safecity.districts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.districts.entity.WorkingGroupAssignment;
import cz.safecity.districts.entity.WorkingGroupAssignment.Person;
import cz.safecity.districts.entity.WorkingGroupRole;
import cz.safecity.platform.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history rules of a working-group seat, on plain objects. */
class WorkingGroupHistoryTest {

    static final String CODE = "P3-07";
    static final WorkingGroupRole ROLE = WorkingGroupRole.CONSTABLE;
    static final Person NOVAK = person("jan.novak", "Jan Novák");
    static final Person SVOBODA = person("petr.svoboda", "Petr Svoboda");
    static final Person DVORAKOVA = person("eva.dvorakova", "Eva Dvořáková");

    final List<WorkingGroupAssignment> seat = new ArrayList<>();
    Instant clock = Instant.parse("2026-01-01T10:00:00Z");

    static Person person(String username, String name) {
        return new Person(username, null, name, "str.", null, "+420 378 031 111", username + "@example.cz",
                "Po 14–17 h", true);
    }

    WorkingGroupHistory.Assigned assign(String from, Person p) {
        clock = clock.plusSeconds(60);
        WorkingGroupHistory.Assigned out = WorkingGroupHistory.assign(seat, CODE, ROLE, LocalDate.parse(from), p,
                clock, "admin-id");
        if (out.changed()) {
            seat.add(out.assignment());
        }
        return out;
    }

    String who(String day) {
        return WorkingGroupHistory.at(seat, LocalDate.parse(day)).map(WorkingGroupAssignment::displayName)
                .orElse(null);
    }

    @Test
    void aNewAssignmentEndsThePreviousOneOnTheDayBefore() {
        WorkingGroupHistory.Assigned first = assign("2026-01-01", NOVAK);
        assertTrue(first.changed());
        assertNull(first.ended());
        WorkingGroupHistory.Assigned second = assign("2026-03-01", SVOBODA);
        assertSame(first.assignment(), second.ended());
        assertEquals(LocalDate.parse("2026-02-28"), first.assignment().validTo());
        assertEquals("admin-id", first.assignment().endedBy());
        assertNull(second.assignment().validTo());
        assertEquals(2, seat.size(), "nothing is deleted");
    }

    @Test
    void atAnswersOnBothSidesOfAChange() {
        assign("2026-01-01", NOVAK);
        assign("2026-03-01", SVOBODA);
        assertNull(who("2025-12-31"), "before the first assignment the seat is vacant");
        assertEquals("Jan Novák", who("2026-01-01"));
        assertEquals("Jan Novák", who("2026-02-28"), "last day of the predecessor");
        assertEquals("Petr Svoboda", who("2026-03-01"), "first day of the successor");
        assertEquals("Petr Svoboda", who("2030-01-01"), "open-ended");
    }

    @Test
    void aSameDayAssignmentSupersedesWithoutDeleting() {
        WorkingGroupAssignment wrong = assign("2026-02-01", NOVAK).assignment();
        WorkingGroupHistory.Assigned fixed = assign("2026-02-01", DVORAKOVA);
        assertSame(wrong, fixed.ended());
        assertEquals(LocalDate.parse("2026-01-31"), wrong.validTo(), "to = from − 1: never in force");
        assertEquals("Eva Dvořáková", who("2026-02-01"));
        assertFalse(wrong.coversDay(LocalDate.parse("2026-02-01")));
        assertEquals(2, seat.size());
        assertSame(fixed.assignment(), WorkingGroupHistory.newestFirst(seat).get(0));
    }

    @Test
    void backdatingBeforeTheLatestAssignmentIsAConflict() {
        assign("2026-03-01", NOVAK);
        ProblemException e = assertThrows(ProblemException.class, () -> assign("2026-02-01", SVOBODA));
        assertEquals(409, e.status());
        assertEquals("from", e.field());
        assertNull(seat.get(0).validTo(), "the existing assignment is untouched");
    }

    @Test
    void reassigningTheSamePersonWithTheSameFieldsChangesNothing() {
        WorkingGroupAssignment a = assign("2026-01-01", NOVAK).assignment();
        WorkingGroupHistory.Assigned again = assign("2026-05-01", NOVAK);
        assertFalse(again.changed());
        assertSame(a, again.assignment());
        assertEquals(1, seat.size());
        // a changed public field is a new assignment (the card shows the new phone from that day)
        Person newPhone = new Person("jan.novak", null, "Jan Novák", "str.", null, "+420 111 222 333",
                "jan.novak@example.cz", "Po 14–17 h", true);
        assertTrue(assign("2026-05-01", newPhone).changed());
        assertEquals("+420 378 031 111", WorkingGroupHistory.at(seat, LocalDate.parse("2026-04-30")).get().phone());
        assertEquals("+420 111 222 333", WorkingGroupHistory.at(seat, LocalDate.parse("2026-05-01")).get().phone());
    }

    @Test
    void endingLeavesTheSeatVacantAfterTheLastDay() {
        assign("2026-01-01", NOVAK);
        WorkingGroupAssignment ended = WorkingGroupHistory.end(seat, CODE, ROLE, LocalDate.parse("2026-06-30"),
                clock, "admin-id");
        assertEquals(LocalDate.parse("2026-06-30"), ended.validTo());
        assertEquals("Jan Novák", who("2026-06-30"));
        assertNull(who("2026-07-01"));
        ProblemException twice = assertThrows(ProblemException.class, () -> WorkingGroupHistory.end(seat, CODE, ROLE,
                LocalDate.parse("2026-07-15"), clock, "admin-id"));
        assertEquals(409, twice.status());
        // a successor after a gap does not touch the ended assignment
        WorkingGroupHistory.Assigned next = assign("2026-09-01", SVOBODA);
        assertNull(next.ended());
        assertEquals(LocalDate.parse("2026-06-30"), ended.validTo());
        assertNull(who("2026-08-15"));
        assertEquals("Petr Svoboda", who("2026-09-01"));
    }

    @Test
    void aSuccessorInsideAPlannedEndShortensIt() {
        assign("2026-01-01", NOVAK);
        WorkingGroupHistory.end(seat, CODE, ROLE, LocalDate.parse("2026-12-31"), clock, "admin-id");
        WorkingGroupHistory.Assigned next = assign("2026-10-01", SVOBODA);
        assertEquals(LocalDate.parse("2026-09-30"), next.ended().validTo());
        assertEquals("Petr Svoboda", who("2026-11-01"));
    }

    @Test
    void endingRules() {
        ProblemException none = assertThrows(ProblemException.class, () -> WorkingGroupHistory.end(seat, CODE, ROLE,
                LocalDate.parse("2026-01-01"), clock, "x"));
        assertEquals(404, none.status());
        assign("2026-03-01", NOVAK);
        ProblemException early = assertThrows(ProblemException.class, () -> WorkingGroupHistory.end(seat, CODE, ROLE,
                LocalDate.parse("2026-01-15"), clock, "x"));
        assertEquals(400, early.status());
        assertEquals("to", early.field());
        // ending on the day before the first day voids a planned assignment
        assertEquals(LocalDate.parse("2026-02-28"), WorkingGroupHistory.end(seat, CODE, ROLE,
                LocalDate.parse("2026-02-28"), clock, "x").validTo());
        assertNull(who("2026-03-01"));
    }

    @Test
    void theGroupOfADistrictHasOneMemberPerSeatInSeatOrder() {
        List<WorkingGroupAssignment> district = new ArrayList<>();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        district.add(new WorkingGroupAssignment(CODE, WorkingGroupRole.COUNCILLOR, LocalDate.parse("2026-01-01"),
                DVORAKOVA, t, "a"));
        district.add(new WorkingGroupAssignment(CODE, WorkingGroupRole.POLICE_OFFICER, LocalDate.parse("2026-02-01"),
                NOVAK, t, "a"));
        var group = WorkingGroupHistory.groupAt(district, LocalDate.parse("2026-01-15"));
        assertEquals(List.of(WorkingGroupRole.COUNCILLOR), List.copyOf(group.keySet()));
        group = WorkingGroupHistory.groupAt(district, LocalDate.parse("2026-02-01"));
        assertEquals(List.of(WorkingGroupRole.POLICE_OFFICER, WorkingGroupRole.COUNCILLOR),
                List.copyOf(group.keySet()));
    }

    @Test
    void unknownRoleIsA400NamingRole() {
        ProblemException e = assertThrows(ProblemException.class, () -> WorkingGroupRole.of("mayor"));
        assertEquals(400, e.status());
        assertEquals("role", e.field());
        assertEquals(WorkingGroupRole.POLICE_OFFICER, WorkingGroupRole.of("police-officer"));
    }
}
