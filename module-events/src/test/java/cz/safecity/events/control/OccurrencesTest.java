package cz.safecity.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.events.entity.Meeting;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** Merging computed and changed occurrences; the iCalendar feed parsed back with ical4j. */
class OccurrencesTest {

    static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    static Cadence fortnightly() {
        return Cadence.of("FREQ=WEEKLY;INTERVAL=2", LocalDateTime.parse("2027-03-11T17:00"), PRAGUE, 300, 5);
    }

    static Meeting meeting(String rid) {
        ZonedDateTime s = LocalDateTime.parse(rid).atZone(PRAGUE);
        return new Meeting(1, s.toLocalDateTime(), s.toInstant(), s.plusMinutes(90).toInstant(), T, "Test");
    }

    @Test
    void aMovedOccurrenceIsListedOnceAtItsNewTimeAndACancelledOneWithItsStatus() {
        Meeting moved = meeting("2027-03-25T17:00");
        ZonedDateTime to = LocalDateTime.parse("2027-03-30T18:00").atZone(PRAGUE);
        moved.move(to.toInstant(), to.plusMinutes(60).toInstant(), "Radnice", T, "Test");
        Meeting cancelled = meeting("2027-04-08T17:00");
        cancelled.cancel("Velikonoce", T, "Test");
        ZonedDateTime from = LocalDate.of(2027, 3, 1).atStartOfDay(PRAGUE);
        ZonedDateTime end = LocalDate.of(2027, 5, 1).atStartOfDay(PRAGUE);
        var list = Occurrences.merge(fortnightly(), 90, List.of(moved, cancelled), from, end, 100);
        assertEquals(List.of("2027-03-11T17:00:00+01:00", "2027-03-30T18:00:00+02:00", "2027-04-08T17:00:00+02:00",
                "2027-04-22T17:00:00+02:00"), list.stream().map(o -> Occurrences.ISO.format(o.start())).toList());
        assertEquals(List.of("planned", "moved", "cancelled", "planned"), list.stream().map(o -> o.status()).toList());
        assertEquals("2027-03-25T17:00", Occurrences.LOCAL.format(list.get(1).recurrenceId()));
        assertEquals("2027-03-25T17:00:00+01:00", list.get(1).view().originalStart());
        assertEquals("2027-03-30T19:00:00+02:00", list.get(1).view().end());
        assertNull(list.get(0).view().originalStart());
    }

    @Test
    void aMovedOccurrenceOutsideTheWindowIsNotListedTwice() {
        Meeting moved = meeting("2027-03-25T17:00");
        ZonedDateTime later = LocalDateTime.parse("2027-05-03T17:00").atZone(PRAGUE);
        moved.move(later.toInstant(), later.plusMinutes(90).toInstant(), null, T, "Test");
        ZonedDateTime from = LocalDate.of(2027, 3, 20).atStartOfDay(PRAGUE);
        ZonedDateTime end = LocalDate.of(2027, 3, 31).atStartOfDay(PRAGUE);
        assertTrue(Occurrences.merge(fortnightly(), 90, List.of(moved), from, end, 100).isEmpty());
    }

    @Test
    void theFeedIsValidIcalendarWithVtimezoneExdateAndRecurrenceId() throws Exception {
        Meeting moved = meeting("2027-03-25T17:00");
        ZonedDateTime to = LocalDateTime.parse("2027-03-30T18:00").atZone(PRAGUE);
        moved.move(to.toInstant(), to.plusMinutes(90).toInstant(), null, T, "Test");
        Meeting cancelled = meeting("2027-04-08T17:00");
        cancelled.cancel(null, T, "Test");
        String text = CalendarFeeds.write(PRAGUE, "Sokolov", List.of(new CalendarFeeds.Series("body-1@x",
                fortnightly(), 90, "Užší pracovní skupina; \"test\"", "Radnice", List.of(moved, cancelled), T)),
                List.of(new CalendarFeeds.Single("pm-1@x", to.plusDays(3), to.plusDays(3).plusHours(2),
                        "Veřejné setkání", "Škola", "Program", false, T)));
        assertTrue(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Prague"), text);
        assertTrue(text.contains("EXDATE;TZID=Europe/Prague:20270408T170000"), text);
        assertTrue(text.contains("DTSTART;TZID=Europe/Prague:20270311T170000\r\n"), text);
        assertTrue(text.contains("DTEND;TZID=Europe/Prague:20270330T193000\r\n"), "moved: " + text);
        assertTrue(text.indexOf("END:VTIMEZONE") < text.indexOf("BEGIN:VEVENT"), "VTIMEZONE first");
        assertTrue(text.contains("RECURRENCE-ID;TZID=Europe/Prague:20270325T170000"), text);
        Calendar cal = new CalendarBuilder().build(new StringReader(text));
        cal.validate();
        List<VEvent> events = cal.getComponents("VEVENT");
        assertEquals(3, events.size());
        VEvent master = events.get(0);
        assertEquals("Užší pracovní skupina; \"test\"", master.getSummary().getValue());
        ZonedDateTime from = LocalDate.of(2027, 3, 1).atStartOfDay(PRAGUE);
        var set = master.<Temporal>calculateRecurrenceSet(new Period<>(from, from.plusMonths(2)));
        List<String> starts = set.stream().map(p -> p.getStart().toString()).sorted().toList();
        // 11 Mar, 25 Mar (overridden by the RECURRENCE-ID event), 22 Apr; 8 Apr excluded
        assertEquals(3, starts.size(), starts.toString());
        assertTrue(starts.stream().noneMatch(s -> s.startsWith("2027-04-08")), starts.toString());
    }
}
