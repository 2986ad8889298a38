package cz.safecity.messaging.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A citizen's matter (table {@code messaging_matter}): what was written, where it went (district or the police
 * leadership), who owns it, its status and ladder level with the level's deadlines, and the citizen's optional contact
 * (erased after the city's retention period; the text stays). The text is stored exactly as typed. The tracking link's
 * secret is never stored, only its SHA-256 ({@code trackingHash}). Plain data holder: fields are set by
 * {@code cz.safecity.messaging.control}, which enforces the rules.
 */
@Entity
@Table(name = "messaging_matter")
public class Matter extends TenantOwned {

    /** Status values in their usual order; {@code closed} may be reopened to {@code in-progress}. */
    public static final List<String> STATUSES = List.of("new", "acknowledged", "in-progress", "answered", "closed");
    /** Statuses in which the level's deadlines run. */
    public static final List<String> OPEN = List.of("new", "acknowledged", "in-progress");
    /** {@link #addressee} values. */
    public static final String TO_DISTRICT = "district";
    public static final String TO_LEADERSHIP = "leadership";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, length = 40)
    public String category;
    @Column(nullable = false)
    public String text;
    public Double lat;
    public Double lon;
    @Column(name = "district_code", length = 60)
    public String districtCode;
    @Column(name = "district_name", length = 200)
    public String districtName;
    @Column(nullable = false, length = 20)
    public String addressee;
    @Column(name = "near_boundary", nullable = false)
    public boolean nearBoundary;
    /** Codes of the neighbouring districts the citizen may move the matter to once (comma-separated). */
    @Column(length = 1000)
    public String neighbours;
    @Column(name = "moved_once", nullable = false)
    public boolean movedOnce;
    @Column(name = "contact_name", length = 200)
    public String contactName;
    @Column(name = "contact_email", length = 320)
    public String contactEmail;
    @Column(name = "contact_phone", length = 40)
    public String contactPhone;
    @Column(nullable = false)
    public boolean consent;
    @Column(nullable = false, length = 10)
    public String locale;
    @Column(nullable = false, length = 20)
    public String status;
    @Column(name = "level_key", nullable = false, length = 40)
    public String levelKey;
    @Column(name = "level_since", nullable = false)
    public Instant levelSince;
    @Column(name = "ack_due_at")
    public Instant ackDueAt;
    @Column(name = "answer_due_at")
    public Instant answerDueAt;
    @Column(name = "owner_person_id", length = 100)
    public String ownerPersonId;
    @Column(name = "owner_name", length = 200)
    public String ownerName;
    @Column(name = "owner_role", length = 40)
    public String ownerRole;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "first_response_at")
    public Instant firstResponseAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "contact_erased_at")
    public Instant contactErasedAt;
    /** When the citizen confirmed the e-mail address with the single-use link (null: not confirmed). */
    @Column(name = "email_confirmed_at")
    public Instant emailConfirmedAt;
    /** SHA-256 of the single-use confirmation secret; null once used (or without an e-mail). */
    @Column(name = "confirm_hash", length = 64)
    public String confirmHash;
    @Column(name = "tracking_hash", nullable = false, length = 64)
    public String trackingHash;
    @Column(name = "idempotency_key", length = 200)
    public String idempotencyKey;
    /** SHA-256 of the submitted fields ({@code Submission#fingerprint}) when an idempotency key was given. */
    @Column(name = "idempotency_fingerprint", length = 64)
    public String idempotencyFingerprint;
    /** {@code web} or {@code open311}. */
    @Column(nullable = false, length = 20)
    public String source;
    @Column(nullable = false)
    public boolean demo;
    @Column(nullable = false)
    public int escalations;
    @Column(name = "meeting_body", length = 200)
    public String meetingBody;
    @Column(name = "meeting_start")
    public Instant meetingStart;
    @Column(name = "meeting_agenda_id")
    public Long meetingAgendaId;
}
