package cz.safecity.events.control;

import cz.safecity.events.entity.Meeting;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes RFC 5545 iCalendar feeds with ical4j: one VTIMEZONE for the city's zone (ical4j's bundled definition,
 * e.g. Europe/Prague), one VEVENT per series (DTSTART/DTEND with TZID, RRULE, EXDATE for each cancelled occurrence)
 * plus one VEVENT with RECURRENCE-ID per moved occurrence (same UID), and one VEVENT per single event (public
 * meetings). The size grows with series + changed occurrences + single events, not with the number of occurrences.
 */
public final class CalendarFeeds {

    private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();
    private static final Map<String, VTimeZone> ZONES = new ConcurrentHashMap<>();

    private CalendarFeeds() {
    }

    /**
     * A meeting series.
     *
     * @param uid      stable UID, e.g. {@code body-12@plzen.safecity.cz}
     * @param meetings the series' materialised occurrences (moved and cancelled ones matter)
     * @param stamp    DTSTAMP (last change), so that an unchanged feed is byte-identical
     */
    public record Series(String uid, Cadence cadence, int durationMinutes, String summary, String location,
                         List<Meeting> meetings, Instant stamp) {
    }

    /** A single event, e.g. a public meeting. */
    public record Single(String uid, ZonedDateTime start, ZonedDateTime end, String summary, String location,
                         String description, boolean cancelled, Instant stamp) {
    }

    /**
     * The calendar text (CRLF line ends, folded at 75 octets).
     *
     * @param name {@code X-WR-CALNAME}, the feed's display name
     */
    public static String write(ZoneId zone, String name, List<Series> series, List<Single> singles) {
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//Safe City//events//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(ImmutableMethod.PUBLISH);
        cal.add(new XProperty("X-WR-CALNAME", name));
        cal.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
        cal.add(vtimezone(zone));
        ParameterList tzid = new ParameterList(List.of(new TzId(zone.getId())));
        for (Series s : series) {
            ZonedDateTime first = s.cadence().first();
            VEvent master = event(s.uid(), first, first.plusMinutes(s.durationMinutes()), s.summary(), s.location(),
                    null, s.stamp());
            master.add(new RRule<ZonedDateTime>(new Recur<ZonedDateTime>(s.cadence().rule())));
            List<ZonedDateTime> excluded = new ArrayList<>();
            List<VEvent> overrides = new ArrayList<>();
            for (Meeting m : s.meetings()) {
                ZonedDateTime original = m.recurrenceId().atZone(zone);
                if (Meeting.CANCELLED.equals(m.status())) {
                    excluded.add(original);
                } else if (!m.startAt().equals(original.toInstant())
                        || (m.location() != null && !m.location().equals(s.location()))) {
                    VEvent moved = event(s.uid(), m.startAt().atZone(zone), m.endAt().atZone(zone), s.summary(),
                            m.location() != null ? m.location() : s.location(), null, m.updatedAt());
                    moved.add(new RecurrenceId<ZonedDateTime>(tzid, original));
                    overrides.add(moved);
                }
            }
            if (!excluded.isEmpty()) {
                excluded.sort(null);
                master.add(new ExDate<ZonedDateTime>(tzid, new DateList<ZonedDateTime>(excluded)));
            }
            cal.add(master);
            overrides.forEach(cal::add);
        }
        for (Single s : singles) {
            VEvent e = event(s.uid(), s.start(), s.end(), s.summary(), s.location(), s.description(), s.stamp());
            if (s.cancelled()) {
                e.add(new Status(Status.VALUE_CANCELLED));
            }
            cal.add(e);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(cal, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(String uid, ZonedDateTime start, ZonedDateTime end, String summary, String location,
                                String description, Instant stamp) {
        VEvent e = new VEvent(start, end, summary);
        e.replace(new DtStamp(stamp));
        e.add(new Uid(uid));
        if (location != null) {
            e.add(new Location(location));
        }
        if (description != null) {
            e.add(new Description(description));
        }
        return e;
    }

    private static VTimeZone vtimezone(ZoneId zone) {
        return ZONES.computeIfAbsent(zone.getId(), id -> REGISTRY.getTimeZone(id).getVTimeZone());
    }
}
