package cz.safecity.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    @Test
    void easterSundays() {
        assertEquals(LocalDate.of(2024, 3, 31), WorkingDays.easterSunday(2024));
        assertEquals(LocalDate.of(2025, 4, 20), WorkingDays.easterSunday(2025));
        assertEquals(LocalDate.of(2026, 4, 5), WorkingDays.easterSunday(2026));
        assertEquals(LocalDate.of(2027, 3, 28), WorkingDays.easterSunday(2027));
        assertEquals(LocalDate.of(2038, 4, 25), WorkingDays.easterSunday(2038));
    }

    @Test
    void goodFridayAndEasterMondayAreHolidays() {
        assertTrue(WorkingDays.isHoliday(LocalDate.of(2026, 4, 3)));
        assertTrue(WorkingDays.isHoliday(LocalDate.of(2026, 4, 6)));
        assertFalse(WorkingDays.isHoliday(LocalDate.of(2026, 4, 7)));
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 6)));
    }

    @Test
    void fixedHolidaysAndWeekends() {
        for (String d : new String[] {"2026-01-01", "2026-05-01", "2026-05-08", "2026-07-06", "2026-09-28",
                "2026-10-28", "2026-11-17", "2026-12-24", "2026-12-25", "2026-12-26"}) {
            assertTrue(WorkingDays.isHoliday(LocalDate.parse(d)), d);
        }
        assertFalse(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 5)), "Saturday");
        assertTrue(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 3)), "Thursday");
    }

    @Test
    void twoWorkingDaysFromThursdaySkipTheWeekend() {
        assertEquals(LocalDate.of(2026, 12, 7), WorkingDays.plusWorkingDays(LocalDate.of(2026, 12, 3), 2));
    }

    @Test
    void christmasAndEasterAreSkipped() {
        // Wed 23 Dec 2026 + 2 → Thu 24, Fri 25, Sat, Sun, Mon 28 (1), Tue 29 (2)
        assertEquals(LocalDate.of(2026, 12, 29), WorkingDays.plusWorkingDays(LocalDate.of(2026, 12, 23), 2));
        // Thu 2 Apr 2026 + 1 → Good Friday 3rd, weekend, Easter Monday 6th → Tue 7 Apr
        assertEquals(LocalDate.of(2026, 4, 7), WorkingDays.plusWorkingDays(LocalDate.of(2026, 4, 2), 1));
    }

    @Test
    void deadlineKeepsTheLocalTimeAcrossDaylightSavingChange() {
        // Fri 23 Oct 2026 10:00 CEST (08:00Z) + 2 working days: Mon 26, Tue 27 Oct 10:00 CET (09:00Z)
        Instant due = WorkingDays.deadline(Instant.parse("2026-10-23T08:00:00Z"), 2, PRAGUE);
        assertEquals(Instant.parse("2026-10-27T09:00:00Z"), due);
    }

    @Test
    void submittedOnSaturdayGetsFullWorkingDays() {
        Instant due = WorkingDays.deadline(Instant.parse("2026-12-05T20:00:00Z"), 1, PRAGUE);
        assertEquals(Instant.parse("2026-12-07T20:00:00Z"), due);
    }
}
