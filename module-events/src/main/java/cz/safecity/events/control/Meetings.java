package cz.safecity.events.control;

import cz.safecity.events.entity.AgendaItem;
import cz.safecity.events.entity.Attendance;
import cz.safecity.events.entity.Body;
import cz.safecity.events.entity.Decision;
import cz.safecity.events.entity.Meeting;
import cz.safecity.events.entity.MeetingView;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Single occurrences of a body's series: move, cancel, mark held (RFC 5545 RECURRENCE-ID / EXDATE semantics), and
 * what happens at them (agenda, named attendance, minutes, decisions). An occurrence gets a row
 * ({@code events_meeting}) the first time anything is done to it; it is addressed by its RECURRENCE-ID, the
 * series' original local start. All changes are audited ({@code events.meeting.*}).
 */
@ApplicationScoped
@Transactional
public class Meetings {

    /** Longest agenda a meeting may have. */
    static final int MAX_AGENDA = 200;

    @PersistenceContext(unitName = "events")
    EntityManager em;
    @Inject
    TenantContext tenant;
    @Inject
    Bodies bodies;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    EventsCache cache;
    @Inject
    PlatformClock clock;

    /** The meeting row of an occurrence, if it has one. */
    public Optional<Meeting> find(long bodyId, LocalDateTime recurrenceId) {
        return tenant.bind(em).createQuery("select m from Meeting m where m.bodyId = :b and m.recurrenceId = :r",
                        Meeting.class).setParameter("b", bodyId).setParameter("r", recurrenceId).getResultList()
                .stream().findFirst();
    }

    /**
     * The meeting row of an occurrence, created (status planned, computed times) when it has none.
     *
     * @throws ProblemException 404 when the body has no series or the date-time is not one of its occurrences
     */
    public Meeting materialise(Body b, LocalDateTime recurrenceId) {
        Optional<Meeting> found = find(b.id(), recurrenceId);
        if (found.isPresent()) {
            return found.get();
        }
        Cadence c = bodies.cadence(b);
        if (c == null || !c.occursAt(recurrenceId)) {
            throw new ProblemException(404, "not-found", "Not found", "body " + b.id() + " has no occurrence at "
                    + recurrenceId + " (local time in the city's zone)", "recurrenceId");
        }
        ZonedDateTime start = recurrenceId.atZone(c.zone());
        Meeting m = new Meeting(b.id(), recurrenceId, start.toInstant(),
                start.plusMinutes(b.durationMinutes()).toInstant(), clock.now(), caller.displayName());
        EntityManager e = tenant.bind(em);
        try {
            e.persist(m);
            e.flush();
        } catch (PersistenceException ex) {
            // another request created the row of this occurrence at the same moment (unique body + recurrence_id)
            throw ProblemException.conflict("occurrence " + recurrenceId + " was changed at the same time; retry",
                    "recurrenceId");
        }
        cache.changed(tenant.id());
        return m;
    }

    /** Occurrence and content of one occurrence (materialised or not); minutes hidden unless published or staff. */
    public MeetingView view(long bodyId, LocalDateTime recurrenceId, boolean staff) {
        Body b = bodies.require(bodyId);
        Cadence c = bodies.cadence(b);
        ZoneId zone = bodies.zone();
        Optional<Meeting> m = find(bodyId, recurrenceId);
        if (m.isEmpty()) {
            if (c == null || !c.occursAt(recurrenceId)) {
                throw ProblemException.notFound("occurrence", recurrenceId);
            }
            ZonedDateTime start = recurrenceId.atZone(zone);
            var occurrence = new Occurrences.Occurrence(recurrenceId, start, start.plusMinutes(b.durationMinutes()),
                    Meeting.PLANNED, null, null);
            return new MeetingView(occurrence.view(), bodyId, b.name(), List.of(), List.of(), null, false, List.of());
        }
        Meeting meeting = m.get();
        long id = meeting.id();
        EntityManager e = tenant.bind(em);
        List<MeetingView.Item> agenda = e.createQuery("select a from AgendaItem a where a.meetingId = :m order by"
                        + " a.position, a.id", AgendaItem.class).setParameter("m", id).getResultList().stream()
                .map(a -> new MeetingView.Item(a.id(), a.position(), a.title(), a.description(), a.matterId(),
                        a.createdByName())).toList();
        List<MeetingView.Person> people = e.createQuery("select a from Attendance a where a.meetingId = :m order by"
                        + " a.id", Attendance.class).setParameter("m", id).getResultList().stream()
                .map(a -> new MeetingView.Person(a.name(), a.role(), a.institution(), a.present())).toList();
        List<MeetingView.DecisionItem> decisions = e.createQuery("select d from Decision d where d.meetingId = :m"
                        + " order by d.id", Decision.class).setParameter("m", id).getResultList().stream()
                .map(d -> new MeetingView.DecisionItem(d.id(), d.text(), d.measureId())).toList();
        String minutes = staff || meeting.minutesPublished() ? meeting.minutes() : null;
        return new MeetingView(Occurrences.materialised(meeting, zone).view(), bodyId, b.name(), agenda, people,
                minutes, meeting.minutesPublished(), decisions);
    }

    /**
     * Moves one occurrence to another local start (and optionally length and place). It keeps its RECURRENCE-ID:
     * still one occurrence, listed at the new time.
     *
     * @throws ProblemException 409 when it was cancelled or held
     */
    public Meeting move(long bodyId, LocalDateTime recurrenceId, LocalDateTime newStart, Integer minutes,
                        String location) {
        Body b = bodies.require(bodyId);
        Meeting m = materialise(b, recurrenceId);
        if (Meeting.CANCELLED.equals(m.status()) || Meeting.HELD.equals(m.status())) {
            throw ProblemException.conflict("the occurrence is " + m.status() + " and cannot be moved", "status");
        }
        ZoneId zone = bodies.zone();
        long length = minutes != null ? minutes : Duration.between(m.startAt(), m.endAt()).toMinutes();
        ZonedDateTime start = newStart.atZone(zone);
        m.move(start.toInstant(), start.plusMinutes(length).toInstant(), location, clock.now(), caller.displayName());
        audit.record("events.meeting.moved", "body", bodyId, recurrenceId + " → " + newStart);
        cache.changed(tenant.id());
        return m;
    }

    /** Cancels one occurrence (EXDATE in the feed). 409 when it was held. */
    public Meeting cancel(long bodyId, LocalDateTime recurrenceId, String reason) {
        Body b = bodies.require(bodyId);
        Meeting m = materialise(b, recurrenceId);
        if (Meeting.HELD.equals(m.status())) {
            throw ProblemException.conflict("the occurrence was held and cannot be cancelled", "status");
        }
        m.cancel(reason, clock.now(), caller.displayName());
        audit.record("events.meeting.cancelled", "body", bodyId, recurrenceId + (reason == null ? "" : ": " + reason));
        cache.changed(tenant.id());
        return m;
    }

    /** Marks one occurrence held. 409 when it was cancelled or has not started yet (business clock). */
    public Meeting held(long bodyId, LocalDateTime recurrenceId) {
        Body b = bodies.require(bodyId);
        Meeting m = materialise(b, recurrenceId);
        if (Meeting.CANCELLED.equals(m.status())) {
            throw ProblemException.conflict("the occurrence was cancelled and cannot be held", "status");
        }
        Instant now = clock.now(tenant.id());
        if (m.startAt().isAfter(now)) {
            throw ProblemException.conflict("the occurrence starts at " + m.startAt() + ", after now (" + now + ")",
                    "status");
        }
        m.markHeld(now, caller.displayName());
        audit.record("events.meeting.held", "body", bodyId, String.valueOf(recurrenceId));
        cache.changed(tenant.id());
        return m;
    }

    /** Adds an agenda item at the end (or returns the existing item of the same matter). */
    public AgendaItem addAgendaItem(Meeting m, String title, String description, Long matterId, String by) {
        EntityManager e = tenant.bind(em);
        List<AgendaItem> items = e.createQuery("select a from AgendaItem a where a.meetingId = :m order by"
                + " a.position", AgendaItem.class).setParameter("m", m.id()).getResultList();
        if (matterId != null) {
            Optional<AgendaItem> same = items.stream().filter(a -> matterId.equals(a.matterId())).findFirst();
            if (same.isPresent()) {
                return same.get();
            }
        }
        if (items.size() >= MAX_AGENDA) {
            throw ProblemException.conflict("the agenda already has " + MAX_AGENDA + " items", "agenda");
        }
        int position = items.isEmpty() ? 1 : items.get(items.size() - 1).position() + 1;
        AgendaItem a = new AgendaItem(m.id(), position, title, description, matterId, clock.now(), by);
        e.persist(a);
        e.flush();
        cache.changed(tenant.id());
        return a;
    }

    public AgendaItem addAgendaItem(long bodyId, LocalDateTime recurrenceId, String title, String description) {
        Meeting m = materialise(bodies.require(bodyId), recurrenceId);
        AgendaItem a = addAgendaItem(m, title, description, null, caller.displayName());
        audit.record("events.meeting.agenda-item-added", "body", bodyId, recurrenceId + ": " + title);
        cache.changed(tenant.id());
        return a;
    }

    /** Replaces the named attendance list. */
    public void attendance(long bodyId, LocalDateTime recurrenceId, List<MeetingView.Person> people) {
        Meeting m = materialise(bodies.require(bodyId), recurrenceId);
        EntityManager e = tenant.bind(em);
        e.createQuery("delete from Attendance a where a.meetingId = :m").setParameter("m", m.id()).executeUpdate();
        for (MeetingView.Person p : people) {
            e.persist(new Attendance(m.id(), p.name(), p.role(), p.institution(), p.present()));
        }
        audit.record("events.meeting.attendance", "body", bodyId, recurrenceId + ": " + people.size() + " people");
        cache.changed(tenant.id());
    }

    /** Records (replaces) the minutes; published minutes are public. */
    public void minutes(long bodyId, LocalDateTime recurrenceId, String text, boolean published) {
        Meeting m = materialise(bodies.require(bodyId), recurrenceId);
        m.recordMinutes(text, published, clock.now(), caller.displayName());
        audit.record("events.meeting.minutes", "body", bodyId, recurrenceId + (published ? " (published)" : ""));
        cache.changed(tenant.id());
    }

    /** Records a decision, optionally linked to a measure of this city. */
    public Decision decide(long bodyId, LocalDateTime recurrenceId, String text, Long measureId) {
        Meeting m = materialise(bodies.require(bodyId), recurrenceId);
        if (measureId != null) {
            tenant.requireOwned(em, cz.safecity.events.entity.Measure.class, measureId, "measure");
        }
        Decision d = new Decision(m.id(), text, measureId);
        EntityManager e = tenant.bind(em);
        e.persist(d);
        e.flush();
        audit.record("events.meeting.decision", "body", bodyId, recurrenceId + ": " + text);
        cache.changed(tenant.id());
        return d;
    }

    /**
     * The next occurrence of {@code b} starting at or after {@code from} that is not cancelled (moved ones at their
     * new time), within a year.
     */
    public Optional<Occurrences.Occurrence> next(Body b, ZonedDateTime from) {
        Cadence c = bodies.cadence(b);
        if (c == null) {
            return Optional.empty();
        }
        ZonedDateTime to = from.plusYears(1);
        return Occurrences.merge(c, b.durationMinutes(), bodies.meetings(b.id(), from, to), from, to, 60).stream()
                .filter(o -> !Meeting.CANCELLED.equals(o.status()) && !Meeting.HELD.equals(o.status())).findFirst();
    }
}
