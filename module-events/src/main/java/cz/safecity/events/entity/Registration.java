package cz.safecity.events.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A citizen's registration for a public meeting (table {@code events_registration}): confirmed, waitlisted (first
 * come first served by {@link #registeredAt()}, then id) or cancelled. One per person and meeting
 * ({@link #personKey()}: SHA-256 of the lower-case e-mail), so a retry finds the same row. The cancel link's secret
 * is never stored, only its SHA-256. Name and e-mail are erased on cancellation and N days after the meeting.
 */
@Entity
@Table(name = "events_registration")
public class Registration extends TenantOwned {

    public static final String CONFIRMED = "confirmed";
    public static final String WAITLISTED = "waitlisted";
    public static final String CANCELLED = "cancelled";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "public_meeting_id", nullable = false)
    private long publicMeetingId;
    @Column(name = "person_key", nullable = false, length = 64)
    private String personKey;
    @Column(length = 200)
    private String name;
    @Column(length = 254)
    private String email;
    @Column(nullable = false, length = 20)
    private String status;
    @Column(nullable = false)
    private boolean volunteer;
    @Column(name = "volunteer_role", length = 200)
    private String volunteerRole;
    @Column(name = "contact_consent", nullable = false)
    private boolean contactConsent;
    @Column(name = "cancel_token_hash", nullable = false, length = 64)
    private String cancelTokenHash;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;
    @Column(name = "promoted_at")
    private Instant promotedAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "erased_at")
    private Instant erasedAt;

    protected Registration() {
    }

    public Registration(long publicMeetingId, String personKey, String name, String email, String status,
                        boolean volunteer, String volunteerRole, boolean contactConsent, String cancelTokenHash,
                        Instant at) {
        this.publicMeetingId = publicMeetingId;
        this.personKey = personKey;
        this.name = name;
        this.email = email;
        this.status = status;
        this.volunteer = volunteer;
        this.volunteerRole = volunteerRole;
        this.contactConsent = contactConsent;
        this.cancelTokenHash = cancelTokenHash;
        this.registeredAt = at;
    }

    public void promote(Instant at) {
        this.status = CONFIRMED;
        this.promotedAt = at;
    }

    /** Cancels and erases the personal data at once (the person asked to leave). */
    public void cancel(Instant at) {
        this.status = CANCELLED;
        this.cancelledAt = at;
        erase(at);
    }

    /** Removes name, e-mail, volunteer role and the person key (counts and statuses stay). */
    public void erase(Instant at) {
        this.name = null;
        this.email = null;
        this.volunteerRole = null;
        this.personKey = "erased-" + id;
        this.erasedAt = at;
    }

    public Long id() { return id; }
    public long publicMeetingId() { return publicMeetingId; }
    public String personKey() { return personKey; }
    public String name() { return name; }
    public String email() { return email; }
    public String status() { return status; }
    public boolean volunteer() { return volunteer; }
    public String volunteerRole() { return volunteerRole; }
    public boolean contactConsent() { return contactConsent; }
    public Instant registeredAt() { return registeredAt; }
    public Instant promotedAt() { return promotedAt; }
    public Instant cancelledAt() { return cancelledAt; }
    public Instant erasedAt() { return erasedAt; }
}
