package cz.safecity.events.control;

import cz.safecity.events.entity.PublicMeeting;
import cz.safecity.events.entity.PublicMeetingView;
import cz.safecity.events.entity.RegistrantView;
import cz.safecity.events.entity.Registration;
import cz.safecity.events.entity.RegistrationView;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.mail.Outbox;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Public meetings with citizens ({@code events_public_meeting}, {@code events_registration}). Registration and
 * cancellation are atomic per meeting: each takes the meeting's row lock ({@code SELECT … FOR UPDATE}) first, so
 * concurrent registrations are counted one after another (50 concurrent for 20 seats: exactly 20 confirmed, 30
 * waitlisted) and a retry by the same person (same e-mail) finds their registration instead of adding one. A
 * cancellation of a confirmed seat promotes the first waitlisted person (earliest registration) and e-mails them
 * through the platform's {@link Outbox} (delivered only if the transaction commits).
 */
@ApplicationScoped
@Transactional
public class PublicMeetings {

    private static final SecureRandom RANDOM = new SecureRandom();

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
    Outbox outbox;
    @Inject
    DistrictCheck districts;
    @Inject
    Bodies bodies;

    /** What a citizen sends to register (validated). */
    public record Signup(String name, String email, boolean volunteer, String volunteerRole, boolean contactConsent) {
    }

    /** Announced public meetings, soonest first; only upcoming unless {@code all}. */
    public List<PublicMeeting> list(String district, boolean all) {
        StringBuilder q = new StringBuilder("select p from PublicMeeting p where 1 = 1");
        if (district != null) {
            q.append(" and p.districtCode = :d");
        }
        if (!all) {
            q.append(" and p.endAt >= :now");
        }
        var query = tenant.bind(em).createQuery(q.append(" order by p.startAt, p.id").toString(),
                PublicMeeting.class);
        if (district != null) {
            query.setParameter("d", district);
        }
        if (!all) {
            query.setParameter("now", clock.now(tenant.id()));
        }
        return query.getResultList();
    }

    public PublicMeeting require(long id) {
        return tenant.requireOwned(em, PublicMeeting.class, id, "public meeting");
    }

    /** Announces a public meeting; 400 naming the field (end before start, unknown district or body). */
    public PublicMeeting announce(PublicMeeting.Fields f) {
        check(f);
        PublicMeeting p = new PublicMeeting(f, clock.now(), caller.displayName());
        EntityManager e = tenant.bind(em);
        e.persist(p);
        e.flush();
        audit.record("events.public-meeting.announced", "public-meeting", p.id(), p.title() + " at " + p.startAt());
        cache.changed(tenant.id());
        return p;
    }

    /** Replaces the announcement; capacity may not drop below the seats already confirmed (409). */
    public PublicMeeting update(long id, PublicMeeting.Fields f) {
        check(f);
        PublicMeeting p = lock(id);
        long confirmed = count(id, Registration.CONFIRMED);
        if (f.capacity() < confirmed) {
            throw ProblemException.conflict("capacity " + f.capacity() + " is below the " + confirmed
                    + " seats already confirmed", "capacity");
        }
        p.change(f);
        promoteWhileSeats(p);
        audit.record("events.public-meeting.updated", "public-meeting", id, p.title());
        cache.changed(tenant.id());
        return p;
    }

    /** Sets the status ({@code announced}, {@code cancelled}, {@code held}). */
    public PublicMeeting status(long id, String status) {
        PublicMeeting p = lock(id);
        p.status(status);
        audit.record("events.public-meeting." + status, "public-meeting", id, p.title());
        cache.changed(tenant.id());
        return p;
    }

    /** Publishes (replaces) the minutes. */
    public PublicMeeting publishMinutes(long id, String minutes) {
        PublicMeeting p = require(id);
        p.publishMinutes(minutes, clock.now());
        audit.record("events.public-meeting.minutes-published", "public-meeting", id, p.title());
        cache.changed(tenant.id());
        return p;
    }

    private void check(PublicMeeting.Fields f) {
        if (!f.endAt().isAfter(f.startAt())) {
            throw ProblemException.invalid("end", "must be after start");
        }
        if (f.bodyId() != null) {
            bodies.require(f.bodyId());
        }
        districts.require(tenant.id(), f.districtCode(), "district", bodies.today());
    }

    /**
     * Registers a person, or finds their registration (same e-mail) on a retry.
     *
     * @param cancelBase URL where the cancel token is posted (put in the answer and the e-mail)
     * @throws ProblemException 404 unknown meeting, 409 when the meeting is cancelled, held or already began
     */
    public RegistrationView register(long id, Signup s, String cancelBase) {
        PublicMeeting p = lock(id);
        Instant now = clock.now(tenant.id());
        if (!"announced".equals(p.status()) || !now.isBefore(p.startAt())) {
            throw ProblemException.conflict("registration is closed (meeting " + p.status()
                    + (now.isBefore(p.startAt()) ? "" : ", already began") + ")", "status");
        }
        EntityManager e = tenant.bind(em);
        String key = personKey(s.email());
        Optional<Registration> existing = e.createQuery("select r from Registration r where r.publicMeetingId = :m"
                        + " and r.personKey = :k", Registration.class).setParameter("m", id).setParameter("k", key)
                .getResultList().stream().findFirst();
        if (existing.isPresent()) {
            Registration r = existing.get();
            return new RegistrationView(r.id(), r.status(), position(r), null, cancelBase, false);
        }
        long confirmed = count(id, Registration.CONFIRMED);
        String status = confirmed < p.capacity() ? Registration.CONFIRMED : Registration.WAITLISTED;
        String token = token();
        Registration r = new Registration(id, key, s.name(), s.email(), status, s.volunteer(), s.volunteerRole(),
                s.contactConsent(), sha256(token), now);
        e.persist(r);
        e.flush();
        Integer position = position(r);
        outbox.enqueue(tenant.id(), s.email(), subject(p, status), "Dobrý den, " + s.name() + ",\n\n"
                + (Registration.CONFIRMED.equals(status) ? "vaše místo na setkání je potvrzeno."
                : "setkání je obsazeno; jste " + position + ". na čekací listině. Uvolní-li se místo, napíšeme vám.")
                + "\n\n" + describe(p) + "\n\nZrušení registrace a výmaz údajů: POST " + cancelBase
                + " {\"token\":\"" + token + "\"}\n");
        return new RegistrationView(r.id(), status, position, token, cancelBase, true);
    }

    /**
     * Cancels the registration with this token and erases its personal data; a freed seat goes to the first
     * waitlisted person, who is e-mailed.
     *
     * @return the promoted registration's id, if any
     * @throws ProblemException 404 when no registration of this meeting has the token (also when already used)
     */
    public Optional<Long> cancel(long id, String token) {
        PublicMeeting p = lock(id);
        Registration r = tenant.bind(em).createQuery("select r from Registration r where r.publicMeetingId = :m and"
                        + " r.cancelTokenHash = :h and r.status <> :c", Registration.class).setParameter("m", id)
                .setParameter("h", sha256(token)).setParameter("c", Registration.CANCELLED).getResultList().stream()
                .findFirst().orElseThrow(() -> new ProblemException(404, "not-found", "Not found",
                        "no active registration of this meeting has that token", "token"));
        boolean freed = Registration.CONFIRMED.equals(r.status());
        r.cancel(clock.now());
        em.flush();
        return freed ? promoteWhileSeats(p).stream().findFirst() : Optional.empty();
    }

    /** Promotes waitlisted people (first come first served) while seats are free; e-mails each. */
    private List<Long> promoteWhileSeats(PublicMeeting p) {
        EntityManager e = tenant.bind(em);
        long free = p.capacity() - count(p.id(), Registration.CONFIRMED);
        if (free <= 0) {
            return List.of();
        }
        List<Registration> next = e.createQuery("select r from Registration r where r.publicMeetingId = :m and"
                        + " r.status = :w order by r.registeredAt, r.id", Registration.class).setParameter("m", p.id())
                .setParameter("w", Registration.WAITLISTED).setMaxResults((int) free).getResultList();
        Instant now = clock.now();
        for (Registration r : next) {
            r.promote(now);
            if (r.email() != null) {
                outbox.enqueue(tenant.id(), r.email(), "Uvolnilo se místo: " + p.title(), "Dobrý den, " + r.name()
                        + ",\n\nna setkání se uvolnilo místo a vaše registrace je nyní potvrzena.\n\n" + describe(p)
                        + "\n");
            }
        }
        return next.stream().map(Registration::id).toList();
    }

    /** Staff view of the registrants, registration order. */
    public List<RegistrantView> registrants(long id) {
        require(id);
        return tenant.bind(em).createQuery("select r from Registration r where r.publicMeetingId = :m order by"
                        + " r.registeredAt, r.id", Registration.class).setParameter("m", id).getResultList().stream()
                .map(r -> new RegistrantView(r.id(), r.name(), r.email(), r.status(), r.volunteer(),
                        r.volunteerRole(), r.contactConsent(), String.valueOf(r.registeredAt()),
                        r.promotedAt() == null ? null : r.promotedAt().toString(), r.erasedAt() != null)).toList();
    }

    /**
     * Erases the personal data of every registrant of this city's meetings that ended more than {@code days} ago
     * (business clock).
     *
     * @return {meetings, registrations} erased
     */
    public long[] eraseAfter(int days) {
        Instant cutoff = clock.now(tenant.id()).minus(java.time.Duration.ofDays(days));
        EntityManager e = tenant.bind(em);
        List<PublicMeeting> due = e.createQuery("select p from PublicMeeting p where p.endAt < :c and"
                + " p.registrantsErasedAt is null", PublicMeeting.class).setParameter("c", cutoff).getResultList();
        long registrations = 0;
        Instant now = clock.now();
        for (PublicMeeting p : due) {
            for (Registration r : e.createQuery("select r from Registration r where r.publicMeetingId = :m and"
                    + " r.erasedAt is null", Registration.class).setParameter("m", p.id()).getResultList()) {
                r.erase(now);
                registrations++;
            }
            p.registrantsErased(now);
        }
        return new long[] {due.size(), registrations};
    }

    public PublicMeetingView view(PublicMeeting p) {
        ZoneId zone = bodies.zone();
        long confirmed = count(p.id(), Registration.CONFIRMED);
        return new PublicMeetingView(p.id(), p.title(), p.bodyId(), p.districtCode(), p.place(),
                Occurrences.ISO.format(p.startAt().atZone(zone)), Occurrences.ISO.format(p.endAt().atZone(zone)),
                p.agenda(), p.capacity(), confirmed, count(p.id(), Registration.WAITLISTED),
                Math.max(0, p.capacity() - confirmed), p.status(), p.minutesPublishedAt() == null ? null : p.minutes(),
                p.minutesPublishedAt() == null ? null : p.minutesPublishedAt().toString());
    }

    /** The public meetings of a district as iCalendar single events. */
    public List<CalendarFeeds.Single> singles(String district, String city) {
        ZoneId zone = bodies.zone();
        return list(district, true).stream().map(p -> new CalendarFeeds.Single("public-meeting-" + p.id() + "@"
                + city + ".safecity.cz", p.startAt().atZone(zone), p.endAt().atZone(zone), p.title(), p.place(),
                p.agenda(), "cancelled".equals(p.status()), p.createdAt())).toList();
    }

    private PublicMeeting lock(long id) {
        PublicMeeting p = tenant.bind(em).find(PublicMeeting.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("public meeting", id);
        }
        return p;
    }

    private long count(long id, String status) {
        return tenant.bind(em).createQuery("select count(r) from Registration r where r.publicMeetingId = :m and"
                + " r.status = :s", Long.class).setParameter("m", id).setParameter("s", status).getSingleResult();
    }

    private Integer position(Registration r) {
        if (!Registration.WAITLISTED.equals(r.status())) {
            return null;
        }
        long ahead = tenant.bind(em).createQuery("select count(r) from Registration r where r.publicMeetingId = :m"
                        + " and r.status = :w and (r.registeredAt < :at or (r.registeredAt = :at and r.id < :id))",
                        Long.class).setParameter("m", r.publicMeetingId()).setParameter("w", Registration.WAITLISTED)
                .setParameter("at", r.registeredAt()).setParameter("id", r.id()).getSingleResult();
        return (int) ahead + 1;
    }

    private String describe(PublicMeeting p) {
        return p.title() + "\n" + Occurrences.ISO.format(p.startAt().atZone(bodies.zone())) + ", " + p.place();
    }

    private static String subject(PublicMeeting p, String status) {
        return (Registration.CONFIRMED.equals(status) ? "Registrace potvrzena: " : "Čekací listina: ") + p.title();
    }

    static String personKey(String email) {
        return sha256(email.trim().toLowerCase(Locale.ROOT));
    }

    static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
