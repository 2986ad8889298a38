package cz.safecity.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recurrence rules through ical4j: DST switches, validation, limits, seed templates. */
class CadenceTest {

    static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    static Cadence cadence(String rule, String start) {
        return Cadence.of(rule, LocalDateTime.parse(start), PRAGUE, 300, 5);
    }

    @Test
    void fortnightlyAt17StaysAt17AcrossBothDstSwitches() {
        // 2027: summer time from Sun 28 March, back on Sun 31 October
        Cadence c = cadence("FREQ=WEEKLY;INTERVAL=2", "2027-03-11T17:00");
        List<ZonedDateTime> starts = c.starts(c.first(), c.first().plusYears(1), 12);
        assertEquals(12, starts.size());
        for (ZonedDateTime z : starts) {
            assertEquals(LocalTime.of(17, 0), z.toLocalTime(), z.toString());
        }
        assertEquals(ZoneOffset.ofHours(1), starts.get(1).getOffset(), "25 March: still CET");
        assertEquals("2027-03-25T17:00:00+01:00", Occurrences.ISO.format(starts.get(1)));
        assertEquals("2027-04-08T17:00:00+02:00", Occurrences.ISO.format(starts.get(2)), "after the spring switch");
        Cadence autumn = cadence("FREQ=WEEKLY;INTERVAL=2", "2027-10-21T17:00");
        List<ZonedDateTime> a = autumn.starts(autumn.first(), autumn.first().plusMonths(2), 3);
        assertEquals("2027-10-21T17:00:00+02:00", Occurrences.ISO.format(a.get(0)));
        assertEquals("2027-11-04T17:00:00+01:00", Occurrences.ISO.format(a.get(1)), "after the autumn switch");
    }

    @Test
    void aNonexistentLocalTimeOnTheSpringSwitchMovesForward() {
        // 02:30 does not exist on 28 March 2027 in Prague
        Cadence c = cadence("FREQ=WEEKLY", "2027-03-21T02:30");
        List<ZonedDateTime> s = c.starts(c.first(), c.first().plusWeeks(2), 3);
        assertEquals(LocalTime.of(3, 30), s.get(1).toLocalTime());
        assertEquals(LocalTime.of(2, 30), s.get(2).toLocalTime());
    }

    @Test
    void monthlyOnTheFirstThursday() {
        Cadence c = cadence("FREQ=MONTHLY;BYDAY=1TH", "2027-01-07T17:00");
        List<ZonedDateTime> s = c.starts(c.first(), c.first().plusMonths(12), 12);
        assertEquals(12, s.size());
        assertEquals(LocalDate.of(2027, 4, 1), s.get(3).toLocalDate());
        s.forEach(z -> assertTrue(z.getDayOfMonth() <= 7 && z.getDayOfWeek().getValue() == 4, z.toString()));
    }

    @Test
    void occursAtOnlyOnOccurrences() {
        Cadence c = cadence("FREQ=WEEKLY;INTERVAL=2", "2027-03-11T17:00");
        assertTrue(c.occursAt(LocalDateTime.parse("2027-04-08T17:00")));
        assertFalse(c.occursAt(LocalDateTime.parse("2027-04-01T17:00")));
        assertFalse(c.occursAt(LocalDateTime.parse("2027-04-08T17:30")));
        assertFalse(c.occursAt(LocalDateTime.parse("2027-02-25T17:00")), "before the series start");
    }

    @Test
    void invalidRulesAre400NamingRrule() {
        for (String bad : List.of("FREQ=FORTNIGHTLY", "INTERVAL=2", "FREQ=WEEKLY;BYDAY=XX", "", "FREQ=HOURLY",
                "FREQ=MINUTELY;INTERVAL=30")) {
            ProblemException e = assertThrows(ProblemException.class, () -> cadence(bad, "2027-03-11T17:00"), bad);
            assertEquals(400, e.status(), bad);
            assertEquals("rrule", e.field(), bad);
        }
        ProblemException unsynced = assertThrows(ProblemException.class,
                () -> cadence("FREQ=MONTHLY;BYDAY=1MO", "2027-03-11T17:00"));
        assertEquals(400, unsynced.status());
        assertEquals(Cadence.of("RRULE:freq=weekly;interval=2", LocalDateTime.parse("2027-03-11T17:00"), PRAGUE,
                300, 5).rule(), "FREQ=WEEKLY;INTERVAL=2", "prefix and case are normalised");
    }

    @Test
    void seriesOverTheMaximumAre422() {
        ProblemException daily = assertThrows(ProblemException.class, () -> cadence("FREQ=DAILY",
                "2027-03-11T17:00"));
        assertEquals(422, daily.status());
        assertEquals("rrule", daily.field());
        assertEquals(422, assertThrows(ProblemException.class, () -> cadence("FREQ=WEEKLY;COUNT=301",
                "2027-03-11T17:00")).status());
        cadence("FREQ=WEEKLY;COUNT=300", "2027-03-11T17:00");
        cadence("FREQ=DAILY;COUNT=30", "2027-03-11T17:00");
        cadence("FREQ=WEEKLY", "2027-03-11T17:00"); // 261 in 5 years
    }

    @Test
    void untilBoundsTheSeries() {
        Cadence c = cadence("FREQ=WEEKLY;UNTIL=20270501T000000Z", "2027-03-11T17:00");
        assertEquals(8, c.starts(c.first(), c.first().plusYears(1), 100).size());
    }

    @Test
    void seedByDayFollowsTheStartsWeekdayPosition() {
        assertEquals("1TH", SeedCadences.byDay(LocalDate.of(2027, 1, 7)));
        assertEquals("3MO", SeedCadences.byDay(LocalDate.of(2027, 1, 18)));
        assertEquals("-1FR", SeedCadences.byDay(LocalDate.of(2027, 1, 29)));
    }
}
