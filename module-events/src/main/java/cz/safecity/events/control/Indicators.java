package cz.safecity.events.control;

import cz.safecity.events.entity.Body;
import cz.safecity.events.entity.Measure;
import cz.safecity.events.entity.Meeting;
import cz.safecity.platform.module.Indicator;
import cz.safecity.platform.tenant.TenantDirectory;
import cz.safecity.platform.tenant.TenantId;
import cz.safecity.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The module's indicators for a city and period, computed without an HTTP request (own entity manager bound to
 * the city): cadence adherence (occurrences held vs planned, per RFC 5545 expansion, up to now), measures begun,
 * measures that missed their deadline, public meetings held.
 */
@ApplicationScoped
public class Indicators {

    public static final Indicator MEETINGS_PLANNED = new Indicator("events.meetings-planned",
            "Meetings planned so far (series occurrences not cancelled, up to now)", "count");
    public static final Indicator MEETINGS_HELD = new Indicator("events.meetings-held", "Meetings held", "count");
    public static final Indicator ADHERENCE = new Indicator("events.cadence-adherence",
            "Cadence adherence: meetings held of those planned", "percent");
    public static final Indicator MEASURES = new Indicator("events.measures", "Measures begun", "count");
    public static final Indicator MEASURES_OVERDUE = new Indicator("events.measures-overdue",
            "Measures past their deadline and not done by it", "count");
    public static final Indicator PUBLIC_MEETINGS = new Indicator("events.public-meetings",
            "Public meetings with citizens (not cancelled)", "count");
    public static final List<Indicator> ALL = List.of(MEETINGS_PLANNED, MEETINGS_HELD, ADHERENCE, MEASURES,
            MEASURES_OVERDUE, PUBLIC_MEETINGS);

    @PersistenceUnit(unitName = "events")
    EntityManagerFactory emf;
    @Inject
    TenantDirectory tenants;
    @Inject
    PlatformClock clock;

    /** The last twelve months including the current one. */
    public Map<String, Number> current(TenantId city) {
        ZoneId zone = tenants.require(city.slug()).zone();
        YearMonth now = YearMonth.from(clock.now(city).atZone(zone));
        return period(city, now.minusMonths(11), now);
    }

    /** Values for the months {@code from}..{@code to} (city zone); adherence only when something was planned. */
    public Map<String, Number> period(TenantId city, YearMonth from, YearMonth to) {
        ZoneId zone = tenants.require(city.slug()).zone();
        ZonedDateTime start = from.atDay(1).atStartOfDay(zone);
        ZonedDateTime end = to.plusMonths(1).atDay(1).atStartOfDay(zone);
        ZonedDateTime now = clock.now(city).atZone(zone);
        LocalDate today = now.toLocalDate();
        ZonedDateTime upTo = end.isAfter(now) ? now : end;
        Map<String, Number> values = new LinkedHashMap<>();
        EntityManager em = emf.createEntityManager(Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT,
                city.slug()));
        try {
            long planned = 0;
            long held = 0;
            if (upTo.isAfter(start)) {
                List<Body> bodies = em.createQuery("select b from Body b where b.rrule is not null", Body.class)
                        .getResultList();
                Map<Long, List<Meeting>> meetings = em.createQuery("select m from Meeting m", Meeting.class)
                        .getResultList().stream().collect(Collectors.groupingBy(Meeting::bodyId));
                for (Body b : bodies) {
                    Cadence c = new Cadence(b.rrule(), b.seriesStart(), zone);
                    for (var o : Occurrences.merge(c, b.durationMinutes(), meetings.getOrDefault(b.id(), List.of()),
                            start, upTo, 100_000)) {
                        if (!Meeting.CANCELLED.equals(o.status())) {
                            planned++;
                        }
                        if (Meeting.HELD.equals(o.status())) {
                            held++;
                        }
                    }
                }
            }
            values.put(MEETINGS_PLANNED.key(), planned);
            values.put(MEETINGS_HELD.key(), held);
            if (planned > 0) {
                values.put(ADHERENCE.key(), Math.round(1000.0 * held / planned) / 10.0);
            }
            LocalDate first = from.atDay(1);
            LocalDate last = to.atEndOfMonth();
            values.put(MEASURES.key(), em.createQuery("select count(m) from Measure m where m.startedOn >= :f and"
                    + " m.startedOn <= :l", Long.class).setParameter("f", first).setParameter("l", last)
                    .getSingleResult());
            LocalDate lastPassed = last.isBefore(today) ? last : today.minusDays(1);
            long overdue = em.createQuery("select m from Measure m where m.deadline >= :f and m.deadline <= :l",
                            Measure.class).setParameter("f", first).setParameter("l", lastPassed).getResultList()
                    .stream().filter(m -> !"cancelled".equals(m.status())
                            && (m.doneOn() == null || m.doneOn().isAfter(m.deadline()))).count();
            values.put(MEASURES_OVERDUE.key(), overdue);
            values.put(PUBLIC_MEETINGS.key(), em.createQuery("select count(p) from PublicMeeting p where p.status <>"
                            + " 'cancelled' and p.startAt >= :f and p.startAt < :t", Long.class)
                    .setParameter("f", start.toInstant()).setParameter("t", end.toInstant()).getSingleResult());
        } finally {
            em.close();
        }
        return values;
    }
}
