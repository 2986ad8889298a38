package cz.safecity.messaging.control;

import cz.safecity.messaging.MessagingModule;
import cz.safecity.messaging.entity.Entry;
import cz.safecity.messaging.entity.Level;
import cz.safecity.messaging.entity.Matter;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.contract.DistrictAt;
import cz.safecity.platform.contract.DistrictRef;
import cz.safecity.platform.event.MatterEscalated;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matters of the current city: submission, the citizen's side (by tracking secret) and the staff's side (replies,
 * notes, statuses, owner, reassignment, escalation), every staff action signed by the {@link Caller} and audited.
 * Deadlines follow the matter's ladder level in working days of the city's zone, from {@link PlatformClock}.
 */
@ApplicationScoped
@Transactional
public class Matters {

    /** Setting: days after closing until the matter's tracking link expires (answers 404 like a forged one). */
    public static final String TRACKING_LINK_DAYS = "trackingLinkDays";

    /** Allowed status changes (besides escalation, which keeps the status). */
    static final Map<String, Set<String>> TRANSITIONS = Map.of(
            "new", Set.of("acknowledged", "in-progress", "answered", "closed"),
            "acknowledged", Set.of("in-progress", "answered", "closed"),
            "in-progress", Set.of("acknowledged", "answered", "closed"),
            "answered", Set.of("in-progress", "closed"),
            "closed", Set.of("in-progress"));

    @PersistenceContext(unitName = "messaging")
    EntityManager em;
    @Inject
    TenantContext tenant;
    @Inject
    PlatformClock clock;
    @Inject
    Ladder ladder;
    @Inject
    Routing routing;
    @Inject
    Notifier notifier;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    MatterInsert inserts;
    @Inject
    ModuleRegistry modules;
    @Inject
    MessagingModule module;

    EntityManager em() {
        return tenant.bind(em);
    }

    Instant now() {
        return clock.now(tenant.id());
    }

    /** Today in the city's zone (by the city's business clock). */
    public LocalDate today() {
        Tenant t = tenant.require();
        return now().atZone(t.zone()).toLocalDate();
    }

    // ------------------------------------------------------------------------------------------------ submission

    /** The outcome of a submission: the matter and its tracking secret (shown once, in the 201 answer). */
    public record Submitted(Matter matter, String secret, boolean replayed) {
    }

    /** The matter submitted earlier with this idempotency key, if any. */
    public Optional<Matter> byIdempotencyKey(String key) {
        return em().createQuery("select m from Matter m where m.idempotencyKey = :k", Matter.class)
                .setParameter("k", key).getResultStream().findFirst();
    }

    /**
     * Routes and stores a new matter with its first thread entry, counts the client's attempt against the city's
     * rate limit and queues the confirmation and the notification of the addressee — all in this one transaction,
     * which commits before the 201 is written. The matter, its first entry and the rate-limit count are one SQL
     * statement ({@link MatterInsert}): one round trip to PostgreSQL, plus one per queued mail and the commit.
     * Routing problems (outside the city, unknown district/category) are 422.
     *
     * @param secret         the tracking secret to hand out (its hash is stored)
     * @param idempotencyKey or null
     * @param client         the client's address (rate limit)
     * @param limit          submissions per client address and {@link RateLimiter#WINDOW} (0: unlimited)
     * @return the stored matter (not managed), or null when a matter with this idempotency key exists already
     *         (nothing was written or counted)
     * @throws ProblemException 429 (extension {@code retryAfter}) over the limit: the transaction rolls back, so the
     *                          attempt is neither stored nor counted
     */
    public Matter submit(Submission s, String secret, String idempotencyKey, String client, int limit) {
        if (ladder.category(s.category()).isEmpty()) {
            throw unknownCategory(s.category());
        }
        DistrictRef district = null;
        DistrictAt at = null;
        if (s.district() != null) {
            district = routing.district(tenant.id(), s.district(), today());
        } else if (s.lat() != null) {
            at = routing.locate(tenant.id(), s.lat(), s.lon(), today());
            district = at.district();
        }
        Level level = ladder.entry(s.toLeadership() || district == null);
        Matter m = newMatter(s, level, now(), tenant.require().zone(), secret, idempotencyKey);
        if (district != null) {
            m.districtCode = district.code();
            m.districtName = district.name();
        }
        if (at != null) {
            m.nearBoundary = at.nearBoundary() && !at.neighbours().isEmpty();
            if (m.nearBoundary) {
                m.neighbours = String.join(",", at.neighbours().stream().map(DistrictRef::code).toList());
            }
        }
        String confirm = null;
        if (m.contactEmail != null) {
            confirm = TrackingLinks.random();
            m.confirmHash = TrackingLinks.hash(confirm);
        }
        MatterInsert.Outcome out = inserts.insert(tenant.id().slug(), m, client, limit, clock.now());
        if (out == null) {
            return null;
        }
        if (out.retryAfter() > 0) {
            throw rateLimited(limit, out.retryAfter());
        }
        m.id = out.id();
        notifier.submitted(m, level, secret, confirm);
        return m;
    }

    /**
     * A new matter's fields from the submission, entering {@code level} at {@code now} (deadlines in working days of
     * {@code zone}); no district, id or confirmation yet.
     */
    static Matter newMatter(Submission s, Level level, Instant now, java.time.ZoneId zone, String secret,
                            String idempotencyKey) {
        Matter m = new Matter();
        m.category = s.category();
        m.text = s.text();
        m.lat = s.lat();
        m.lon = s.lon();
        m.addressee = s.toLeadership() ? Matter.TO_LEADERSHIP : Matter.TO_DISTRICT;
        m.contactName = s.name();
        m.contactEmail = s.email();
        m.contactPhone = s.phone();
        m.consent = s.consent();
        m.locale = s.locale();
        m.status = "new";
        enter(m, level, now, zone);
        m.createdAt = now;
        m.trackingHash = TrackingLinks.hash(secret);
        m.idempotencyKey = idempotencyKey;
        m.idempotencyFingerprint = idempotencyKey == null ? null : s.fingerprint();
        m.source = s.source();
        m.demo = s.demo();
        return m;
    }

    static ProblemException unknownCategory(String category) {
        return new ProblemException(422, "unknown-category", "Unknown category", "category: '" + category
                + "' is not a category of this city (GET .../messaging/categories)", "category");
    }

    static ProblemException rateLimited(int limit, long retryAfter) {
        return new ProblemException(429, "rate-limited", "Too many messages", "At most " + limit
                + " messages per hour from one address; try again in " + retryAfter + " s.", null)
                .with("retryAfter", retryAfter);
    }

    private static void enter(Matter m, Level level, Instant at, java.time.ZoneId zone) {
        m.levelKey = level.key;
        m.levelSince = at;
        m.ackDueAt = WorkingDays.deadline(at, level.ackDays, zone);
        m.answerDueAt = WorkingDays.deadline(at, level.answerDays, zone);
    }

    private void enterLevel(Matter m, Level level, Instant at) {
        enter(m, level, at, tenant.require().zone());
    }

    Entry addEntry(Matter m, String kind, String text, String personId, String name, String role, Instant at) {
        Entry e = new Entry();
        e.matterId = m.id;
        e.kind = kind;
        e.text = text;
        e.authorPersonId = personId;
        e.authorName = name;
        e.authorRole = role;
        e.createdAt = at;
        em().persist(e);
        return e;
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** The matter with this id in the current city (404 otherwise). */
    public Matter require(long id) {
        return tenant.requireOwned(em, Matter.class, id, "matter");
    }

    /**
     * The matter behind a tracking secret: 404 for a malformed, unknown or another city's secret, and — the same
     * answer — for an expired one (the matter closed more than the city's {@code trackingLinkDays} ago).
     */
    public Matter byTracking(String secret) {
        if (!TrackingLinks.wellFormed(secret)) {
            throw ProblemException.notFound("tracking link", "(given)");
        }
        Matter m = em().createQuery("select m from Matter m where m.trackingHash = :h", Matter.class)
                .setParameter("h", TrackingLinks.hash(secret)).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("tracking link", "(given)"));
        if (linkExpired(m)) {
            throw ProblemException.notFound("tracking link", "(given)");
        }
        return m;
    }

    /** Days after closing that a tracking link stays valid in the current city ({@value #TRACKING_LINK_DAYS}). */
    int trackingLinkDays() {
        Object v = modules.settings(tenant.id(), module).get(TRACKING_LINK_DAYS);
        return v instanceof Number n ? Math.max(0, n.intValue()) : 365;
    }

    /**
     * Whether the matter's tracking link has expired: it was closed more than {@link #trackingLinkDays} ago by the
     * city's clock. An open matter's link never expires; a reopened matter's link is valid again (it can only be
     * reopened while the link is valid).
     */
    public boolean linkExpired(Matter m) {
        return "closed".equals(m.status) && m.closedAt != null
                && m.closedAt.plus(java.time.Duration.ofDays(trackingLinkDays())).isBefore(now());
    }

    private void requireReopenable(Matter m) {
        if (linkExpired(m)) {
            throw ProblemException.conflict("the matter was closed more than " + trackingLinkDays()
                    + " days ago and its tracking link has expired; it cannot be reopened (a new matter is needed)",
                    "status");
        }
    }

    /** The thread, oldest first; internal notes only when {@code withNotes}. */
    public List<Entry> thread(long matterId, boolean withNotes) {
        return em().createQuery("select e from Entry e where e.matterId = :m"
                        + (withNotes ? "" : " and e.kind <> 'note'") + " order by e.id", Entry.class)
                .setParameter("m", matterId).getResultList();
    }

    /** Inbox filters; null fields do not filter. {@code olderThanDays}: created at least that many days ago. */
    public record Filter(String level, String district, String status, String category, Integer olderThanDays,
                         List<String> districts) {
        public Filter(String level, String district, String status, String category, Integer olderThanDays) {
            this(level, district, status, category, olderThanDays, null);
        }
    }

    /**
     * One page of the inbox, newest first, by keyset ({@code createdAt}, {@code id}) after the cursor: the cost of a
     * page does not grow with the backlog (index {@code messaging_matter_level}/{@code _district}/{@code _recent}).
     *
     * @param after the last matter of the previous page (its created-at and id), or null for the first page
     */
    public List<Matter> inbox(Filter f, Instant afterCreated, Long afterId, int limit) {
        StringBuilder q = new StringBuilder("select m from Matter m where 1 = 1");
        if (f.level() != null) {
            q.append(" and m.levelKey = :level");
        }
        if (f.district() != null) {
            q.append(" and m.districtCode = :district");
        }
        if (f.districts() != null) {
            q.append(" and m.districtCode in :districts");
        }
        if (f.status() != null) {
            q.append(" and m.status in :status");
        }
        if (f.category() != null) {
            q.append(" and m.category = :category");
        }
        if (f.olderThanDays() != null) {
            q.append(" and m.createdAt <= :olderThan");
        }
        if (afterCreated != null) {
            q.append(" and (m.createdAt < :ac or (m.createdAt = :ac and m.id < :aid))");
        }
        q.append(" order by m.createdAt desc, m.id desc");
        TypedQuery<Matter> query = em().createQuery(q.toString(), Matter.class);
        if (f.level() != null) {
            query.setParameter("level", f.level());
        }
        if (f.district() != null) {
            query.setParameter("district", f.district());
        }
        if (f.districts() != null) {
            query.setParameter("districts", f.districts().isEmpty() ? List.of("") : f.districts());
        }
        if (f.status() != null) {
            query.setParameter("status", Arrays.asList(f.status().split(",")));
        }
        if (f.category() != null) {
            query.setParameter("category", f.category());
        }
        if (f.olderThanDays() != null) {
            query.setParameter("olderThan", now().minus(java.time.Duration.ofDays(f.olderThanDays())));
        }
        if (afterCreated != null) {
            query.setParameter("ac", afterCreated).setParameter("aid", afterId);
        }
        return query.setMaxResults(limit).getResultList();
    }

    // ------------------------------------------------------------------------------------------------ citizen

    /** The citizen's reply through the tracking link; an answered matter goes back to in-progress. */
    public Entry citizenReply(String secret, String text) {
        Matter m = byTracking(secret);
        if ("closed".equals(m.status)) {
            throw ProblemException.conflict("the matter is closed; submit a new message", "status");
        }
        if ("answered".equals(m.status)) {
            m.status = "in-progress";
        }
        Entry e = addEntry(m, Entry.CITIZEN, text, null, "citizen", "citizen", now());
        notifier.citizenReplied(m, text);
        return e;
    }

    /** Moves a near-boundary matter to one of its neighbouring districts, once. */
    public Matter citizenMove(String secret, String district) {
        Matter m = byTracking(secret);
        if (!m.nearBoundary || m.movedOnce) {
            throw ProblemException.conflict(m.movedOnce ? "the matter was already moved once"
                    : "only a matter submitted near a district boundary can be moved", "district");
        }
        List<String> allowed = m.neighbours == null ? List.of() : Arrays.asList(m.neighbours.split(","));
        if (!allowed.contains(district)) {
            throw ProblemException.invalid("district", "must be one of the neighbouring districts " + allowed);
        }
        DistrictRef d = routing.district(tenant.id(), district, today());
        String from = m.districtCode;
        m.districtCode = d.code();
        m.districtName = d.name();
        m.movedOnce = true;
        addEntry(m, Entry.EVENT, "Moved by the citizen from district " + from + " to " + d.code(), null, "citizen",
                "citizen", now());
        notifier.submittedToNewDistrict(m);
        return m;
    }

    /**
     * Confirms the citizen's e-mail address with the single-use secret from the confirmation mail.
     *
     * @throws ProblemException 404 for a wrong, used or another matter's confirmation secret
     */
    public Matter confirmEmail(String secret, String confirm) {
        Matter m = byTracking(secret);
        if (m.confirmHash == null || !TrackingLinks.wellFormed(confirm)
                || !m.confirmHash.equals(TrackingLinks.hash(confirm))) {
            throw ProblemException.notFound("confirmation link", "(given)");
        }
        m.confirmHash = null;
        m.emailConfirmedAt = now();
        addEntry(m, Entry.EVENT, "E-mail address confirmed", null, "citizen", "citizen", now());
        return m;
    }

    /** Erases the citizen's contact data (name, e-mail, phone); the thread stays. Idempotent. */
    public Matter eraseContact(Matter m, String why) {
        if (m.contactName == null && m.contactEmail == null && m.contactPhone == null && m.contactErasedAt != null) {
            return m;
        }
        m.contactName = null;
        m.contactEmail = null;
        m.contactPhone = null;
        m.confirmHash = null;
        m.contactErasedAt = now();
        addEntry(m, Entry.EVENT, "Contact data erased (" + why + ")", null, "system", "system", now());
        return m;
    }

    // ------------------------------------------------------------------------------------------------ staff

    private String role() {
        return caller.roleIn(tenant.id());
    }

    /** A public reply (the citizen is notified) or an internal note, signed by the caller. */
    public Entry staffEntry(long id, String text, boolean internal) {
        Matter m = require(id);
        Instant now = now();
        Entry e = addEntry(m, internal ? Entry.NOTE : Entry.REPLY, text, caller.personId(), caller.displayName(),
                role(), now);
        if (!internal) {
            if (m.firstResponseAt == null) {
                m.firstResponseAt = now;
            }
            if (Matter.OPEN.contains(m.status)) {
                m.status = "answered";
            }
            notifier.replied(m, e);
        }
        audit.record(internal ? "messaging.matter.noted" : "messaging.matter.replied", "matter", m.id,
                internal ? "internal note" : "public reply");
        return e;
    }

    /** Changes the status along {@link #TRANSITIONS} (closed → in-progress is a reopen), audited. */
    public Matter changeStatus(long id, String status, String reason) {
        Matter m = require(id);
        if (!Matter.STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "'" + status + "' is not one of " + Matter.STATUSES);
        }
        if (!TRANSITIONS.get(m.status).contains(status)) {
            throw ProblemException.conflict("a matter cannot go from " + m.status + " to " + status, "status");
        }
        if ("closed".equals(m.status)) {
            requireReopenable(m);
        }
        String from = m.status;
        Instant now = now();
        m.status = status;
        if ("closed".equals(status)) {
            m.closedAt = now;
        } else if ("closed".equals(from)) {
            m.closedAt = null;
        }
        if (m.firstResponseAt == null && !"new".equals(status)) {
            m.firstResponseAt = now;
        }
        if (m.ownerName == null && ("acknowledged".equals(status) || "in-progress".equals(status))) {
            setOwner(m, caller.personId(), caller.displayName(), role());
        }
        String text = "Status " + from + " → " + status + (reason != null ? ": " + reason : "");
        addEntry(m, Entry.EVENT, text, caller.personId(), caller.displayName(), role(), now);
        audit.record("closed".equals(from) ? "messaging.matter.reopened" : "messaging.matter.status", "matter", m.id,
                text);
        return m;
    }

    private static void setOwner(Matter m, String personId, String name, String role) {
        m.ownerPersonId = personId;
        m.ownerName = name;
        m.ownerRole = role;
    }

    /** Makes a named person the owner (null name: the caller), audited. */
    public Matter assign(long id, String personId, String name, String ownerRole) {
        Matter m = require(id);
        if (name == null) {
            setOwner(m, caller.personId(), caller.displayName(), role());
        } else {
            setOwner(m, personId, name, ownerRole);
        }
        String text = "Owner: " + m.ownerName + " (" + m.ownerRole + ")";
        addEntry(m, Entry.EVENT, text, caller.personId(), caller.displayName(), role(), now());
        audit.record("messaging.matter.assigned", "matter", m.id, text);
        return m;
    }

    /** Moves the matter to another district's working group with a reason (not back to the citizen), audited. */
    public Matter reassign(long id, String district, String reason) {
        Matter m = require(id);
        DistrictRef d = routing.district(tenant.id(), district, today());
        if (d.code().equals(m.districtCode)) {
            throw ProblemException.conflict("the matter already belongs to district " + d.code(), "district");
        }
        String text = "Reassigned from district " + m.districtCode + " to " + d.code() + ": " + reason;
        m.districtCode = d.code();
        m.districtName = d.name();
        m.addressee = Matter.TO_DISTRICT;
        setOwner(m, null, null, null);
        addEntry(m, Entry.EVENT, text, caller.personId(), caller.displayName(), role(), now());
        audit.record("messaging.matter.reassigned", "matter", m.id, text);
        notifier.submittedToNewDistrict(m);
        return m;
    }

    /**
     * Escalates one level up (manual: by the caller with a reason; automatic: by the deadline job), resets the
     * level's deadlines and owner, notifies the next level, and returns the event to fire once committed.
     *
     * @throws ProblemException 409 at the top of the ladder
     */
    public MatterEscalated escalate(Matter m, String reason, boolean automatic) {
        Level next = ladder.next(m.levelKey).orElseThrow(() -> ProblemException.conflict(
                "the matter is at the top of the ladder (" + m.levelKey + ")", "level"));
        if ("closed".equals(m.status)) {
            requireReopenable(m);
        }
        String from = m.levelKey;
        Instant now = now();
        enterLevel(m, next, now);
        m.escalations++;
        setOwner(m, null, null, null);
        if ("answered".equals(m.status) || "closed".equals(m.status)) {
            m.status = "in-progress";
            m.closedAt = null;
        }
        String text = "Escalated from " + from + " to " + next.key + ": " + reason;
        if (automatic) {
            addEntry(m, Entry.EVENT, text, null, "system", "system", now);
            audit.record("messaging.matter.escalated", "matter", m.id, "automatic: " + text);
        } else {
            addEntry(m, Entry.EVENT, text, caller.personId(), caller.displayName(), role(), now);
            audit.record("messaging.matter.escalated", "matter", m.id, text);
        }
        notifier.escalated(m, next, reason);
        String title = ladder.category(m.category).map(c -> c.name(m.locale)).orElse(m.category)
                + (m.districtName != null ? " — " + m.districtName : "");
        return new MatterEscalated(tenant.id(), m.id, title, from, next.key, next.bodyKind, reason, automatic,
                clock.now(), automatic ? "system" : caller.personId());
    }

    /** Manual escalation of matter {@code id}. */
    public MatterEscalated escalate(long id, String reason) {
        return escalate(require(id), reason, false);
    }

    /**
     * Escalates every open matter of the current city whose acknowledgement (status {@code new}) or answer deadline
     * passed by the city's clock; matters at the top of the ladder stay (they are listed as overdue).
     *
     * @return the events to fire once committed
     */
    public List<MatterEscalated> escalateOverdue(int max) {
        Instant now = now();
        List<Level> levels = ladder.levels();
        String top = levels.get(levels.size() - 1).key;
        List<Matter> due = em().createQuery("select m from Matter m where m.status in :open and m.levelKey <> :top "
                        + "and ((m.status = 'new' and m.ackDueAt < :now) or m.answerDueAt < :now) order by m.id",
                        Matter.class)
                .setParameter("open", Matter.OPEN).setParameter("top", top).setParameter("now", now)
                .setMaxResults(max).getResultList();
        List<MatterEscalated> events = new ArrayList<>();
        for (Matter m : due) {
            if (ladder.next(m.levelKey).isEmpty()) {
                continue;
            }
            String reason = "new".equals(m.status) && m.ackDueAt.isBefore(now)
                    ? "acknowledgement deadline " + m.ackDueAt + " missed"
                    : "answer deadline " + m.answerDueAt + " missed";
            events.add(escalate(m, reason, true));
        }
        return events;
    }

    /** Erases contact data of matters closed more than {@code days} days ago by the city's clock. */
    public int applyRetention(int days) {
        Instant limit = now().minus(java.time.Duration.ofDays(days));
        List<Matter> old = em().createQuery("select m from Matter m where m.status = 'closed' and m.closedAt < :limit "
                        + "and m.contactErasedAt is null", Matter.class)
                .setParameter("limit", limit).setMaxResults(1000).getResultList();
        old.forEach(m -> eraseContact(m, "retention " + days + " days after closing"));
        return old.size();
    }

    /** Shows the meeting (from the events module) on the matter. */
    public void scheduled(long matterId, String bodyName, Instant meetingStart, long agendaItemId) {
        Matter m = em().find(Matter.class, matterId);
        if (m == null) {
            return;
        }
        m.meetingBody = bodyName;
        m.meetingStart = meetingStart;
        m.meetingAgendaId = agendaItemId;
        addEntry(m, Entry.EVENT, "On the agenda of " + bodyName + ", meeting " + meetingStart, null, "system",
                "system", clock.now());
    }
}
