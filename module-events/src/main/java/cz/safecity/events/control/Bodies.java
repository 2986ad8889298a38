package cz.safecity.events.control;

import cz.safecity.events.entity.Body;
import cz.safecity.events.entity.BodyMember;
import cz.safecity.events.entity.Meeting;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;

/**
 * Bodies of the current city and their members ({@code events_body}, {@code events_body_member}). The city-admin
 * configures them; every change is audited ({@code events.body.*}). Another city's id answers 404.
 */
@ApplicationScoped
@Transactional
public class Bodies {

    @PersistenceContext(unitName = "events")
    EntityManager em;
    @Inject
    TenantContext tenant;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    EventsCache cache;
    @Inject
    PlatformClock clock;
    @Inject
    EventsSettings settings;
    @Inject
    DistrictCheck districts;

    /** A body's fields as validated by {@link BodyInput}. */
    public record Fields(String kind, String name, String scope, String scopeCode, String rrule,
                         LocalDateTime seriesStart, Integer durationMinutes, String location,
                         List<MemberFields> members) {
    }

    /** A member as validated by {@link BodyInput}. */
    public record MemberFields(String name, String role, String institution, String username, String email,
                               LocalDate from) {
    }

    /** All bodies, optionally of one kind, by name. */
    public List<Body> list(String kind) {
        var q = tenant.bind(em).createQuery("select b from Body b" + (kind == null ? "" : " where b.kind = :kind")
                + " order by b.name, b.id", Body.class);
        if (kind != null) {
            q.setParameter("kind", kind);
        }
        return q.getResultList();
    }

    /** @throws ProblemException 404 when there is no such body in this city */
    public Body require(long id) {
        return tenant.requireOwned(em, Body.class, id, "body");
    }

    public List<BodyMember> members(long bodyId) {
        return tenant.bind(em).createQuery("select m from BodyMember m where m.bodyId = :b order by m.validFrom,"
                + " m.id", BodyMember.class).setParameter("b", bodyId).getResultList();
    }

    /** The city's zone. */
    public ZoneId zone() {
        return tenant.require().zone();
    }

    /** The city's today (business clock). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.now(tenant.id()), zone());
    }

    /** The cadence of a body with a series, validated against the city's limits. */
    public Cadence cadence(Body b) {
        return b.rrule() == null ? null : new Cadence(b.rrule(), b.seriesStart(), zone());
    }

    /**
     * Creates a body with its series and members.
     *
     * @throws ProblemException 400 naming the field (rule, scope code…), 422 naming {@code rrule} for a series over
     *                          the city's maximum of occurrences
     */
    public Body create(Fields f) {
        String rule = checkedRule(f);
        Body b = new Body(f.kind(), f.name(), f.scope(), f.scopeCode(), clock.now(), caller.personId(),
                caller.displayName());
        b.schedule(rule, f.seriesStart(), f.durationMinutes(), f.location());
        EntityManager m = tenant.bind(em);
        m.persist(b);
        m.flush();
        for (MemberFields mf : f.members()) {
            m.persist(member(b.id(), mf));
        }
        audit.record("events.body.created", "body", b.id(), describe(b));
        cache.changed(tenant.id());
        return b;
    }

    /** Replaces kind, name, scope and series (members are kept; see {@link #addMember}). */
    public Body update(long id, Fields f) {
        Body b = require(id);
        String rule = checkedRule(f);
        b.describe(f.kind(), f.name(), f.scope(), f.scopeCode());
        b.schedule(rule, f.seriesStart(), f.durationMinutes(), f.location());
        audit.record("events.body.updated", "body", id, describe(b));
        cache.changed(tenant.id());
        return b;
    }

    /** Deletes a body with its meetings (cascade); 404 for an unknown id. */
    public void delete(long id) {
        Body b = require(id);
        tenant.bind(em).remove(b);
        audit.record("events.body.deleted", "body", id, describe(b));
        cache.changed(tenant.id());
    }

    public BodyMember addMember(long bodyId, MemberFields f) {
        require(bodyId);
        BodyMember m = member(bodyId, f);
        tenant.bind(em).persist(m);
        em.flush();
        audit.record("events.body.member-added", "body", bodyId, f.name() + " (" + f.role() + ")");
        cache.changed(tenant.id());
        return m;
    }

    /** Ends a membership on {@code on} (history stays). */
    public BodyMember endMember(long bodyId, long memberId, LocalDate on) {
        require(bodyId);
        BodyMember m = tenant.requireOwned(em, BodyMember.class, memberId, "member");
        if (m.bodyId() != bodyId) {
            throw ProblemException.notFound("member", memberId);
        }
        if (on.isBefore(m.validFrom())) {
            throw ProblemException.invalid("on", on + " is before the membership began (" + m.validFrom() + ")");
        }
        m.end(on);
        audit.record("events.body.member-ended", "body", bodyId, m.name() + " on " + on);
        cache.changed(tenant.id());
        return m;
    }

    private BodyMember member(long bodyId, MemberFields f) {
        return new BodyMember(bodyId, f.name(), f.role(), f.institution(), f.username(), f.email(),
                f.from() == null ? today() : f.from());
    }

    private String checkedRule(Fields f) {
        if (f.scopeCode() != null && "district".equals(f.scope())) {
            districts.require(tenant.id(), f.scopeCode(), "scopeCode", today());
        }
        if (f.rrule() == null) {
            return null;
        }
        return Cadence.of(f.rrule(), f.seriesStart(), zone(), settings.maxOccurrences(tenant.id()),
                settings.horizonYears(tenant.id())).rule();
    }

    /** Meetings (materialised occurrences) of a body touching the local window {@code [from, to)}. */
    public List<Meeting> meetings(long bodyId, ZonedDateTime from, ZonedDateTime to) {
        return tenant.bind(em).createQuery("select m from Meeting m where m.bodyId = :b and ((m.startAt >= :f and"
                        + " m.startAt < :t) or (m.recurrenceId >= :lf and m.recurrenceId < :lt))", Meeting.class)
                .setParameter("b", bodyId).setParameter("f", from.toInstant()).setParameter("t", to.toInstant())
                .setParameter("lf", from.toLocalDateTime()).setParameter("lt", to.toLocalDateTime())
                .getResultList();
    }

    /** Every meeting of the given bodies (for feeds). */
    public List<Meeting> meetings(Collection<Long> bodyIds) {
        if (bodyIds.isEmpty()) {
            return List.of();
        }
        return tenant.bind(em).createQuery("select m from Meeting m where m.bodyId in :b", Meeting.class)
                .setParameter("b", bodyIds).getResultList();
    }

    private static String describe(Body b) {
        return b.kind() + " '" + b.name() + "' (" + b.scope() + (b.scopeCode() == null ? "" : " " + b.scopeCode())
                + ")" + (b.rrule() == null ? "" : " " + b.rrule() + " from " + b.seriesStart());
    }
}
