package cz.safecity.events.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One occurrence of a body's series that something was done to (table {@code events_meeting}): moved, cancelled,
 * held, or given an agenda, attendance, minutes or decisions. Identified within its body by the series' original
 * local start ({@link #recurrenceId()}, RFC 5545 RECURRENCE-ID): a moved occurrence keeps it, so it stays one
 * occurrence. Untouched occurrences have no row; they are computed from the rule.
 */
@Entity
@Table(name = "events_meeting")
public class Meeting extends TenantOwned {

    /** {@link #status()} values. */
    public static final String PLANNED = "planned";
    public static final String MOVED = "moved";
    public static final String CANCELLED = "cancelled";
    public static final String HELD = "held";
    public static final List<String> STATUSES = List.of(PLANNED, MOVED, CANCELLED, HELD);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "body_id", nullable = false)
    private long bodyId;
    @Column(name = "recurrence_id", nullable = false)
    private LocalDateTime recurrenceId;
    @Column(nullable = false, length = 20)
    private String status;
    @Column(name = "start_at", nullable = false)
    private Instant startAt;
    @Column(name = "end_at", nullable = false)
    private Instant endAt;
    @Column(length = 300)
    private String location;
    @Column(name = "cancel_reason", length = 500)
    private String cancelReason;
    @Column
    private String minutes;
    @Column(name = "minutes_published", nullable = false)
    private boolean minutesPublished;
    @Column(name = "held_at")
    private Instant heldAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by_name", nullable = false, length = 200)
    private String updatedByName;

    protected Meeting() {
    }

    /** A planned occurrence at its computed times. */
    public Meeting(long bodyId, LocalDateTime recurrenceId, Instant startAt, Instant endAt, Instant at, String by) {
        this.bodyId = bodyId;
        this.recurrenceId = recurrenceId;
        this.status = PLANNED;
        this.startAt = startAt;
        this.endAt = endAt;
        touch(at, by);
    }

    private void touch(Instant at, String by) {
        this.updatedAt = at;
        this.updatedByName = by;
    }

    public void move(Instant start, Instant end, String location, Instant at, String by) {
        this.startAt = start;
        this.endAt = end;
        if (location != null) {
            this.location = location;
        }
        if (!HELD.equals(status)) {
            this.status = MOVED;
        }
        this.cancelReason = null;
        touch(at, by);
    }

    public void cancel(String reason, Instant at, String by) {
        this.status = CANCELLED;
        this.cancelReason = reason;
        touch(at, by);
    }

    public void markHeld(Instant at, String by) {
        this.status = HELD;
        this.heldAt = at;
        touch(at, by);
    }

    public void recordMinutes(String minutes, boolean published, Instant at, String by) {
        this.minutes = minutes;
        this.minutesPublished = published;
        touch(at, by);
    }

    /** Whether it was moved away from its computed time (also when held afterwards). */
    public boolean movedFrom(Instant computedStart) {
        return !startAt.equals(computedStart);
    }

    public Long id() { return id; }
    public long bodyId() { return bodyId; }
    public LocalDateTime recurrenceId() { return recurrenceId; }
    public String status() { return status; }
    public Instant startAt() { return startAt; }
    public Instant endAt() { return endAt; }
    public String location() { return location; }
    public String cancelReason() { return cancelReason; }
    public String minutes() { return minutes; }
    public boolean minutesPublished() { return minutesPublished; }
    public Instant heldAt() { return heldAt; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedByName() { return updatedByName; }
}
