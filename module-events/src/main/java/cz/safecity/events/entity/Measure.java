package cz.safecity.events.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A measure (<i>opatření</i>, table {@code events_measure}) decided by a body: what, where (a district and/or a risk
 * place of the districts module), who owns it (a named person), by when, and how far it got. It is overdue when its
 * deadline passed (city's today, business clock) and it is neither done nor cancelled.
 */
@Entity
@Table(name = "events_measure")
public class Measure extends TenantOwned {

    /** {@link #status()} values. */
    public static final List<String> STATUSES = List.of("planned", "in-progress", "done", "cancelled");
    /** Statuses that end a measure (never overdue). */
    public static final List<String> CLOSED = List.of("done", "cancelled");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 200)
    private String title;
    @Column(length = 4000)
    private String description;
    @Column(name = "district_code", length = 60)
    private String districtCode;
    @Column(name = "risk_place_id")
    private Long riskPlaceId;
    @Column(name = "owner_name", nullable = false, length = 200)
    private String ownerName;
    @Column(name = "owner_username", length = 100)
    private String ownerUsername;
    @Column(nullable = false)
    private LocalDate deadline;
    @Column(nullable = false, length = 20)
    private String status;
    @Column(name = "started_on", nullable = false)
    private LocalDate startedOn;
    @Column(name = "done_on")
    private LocalDate doneOn;
    @Column(name = "body_id")
    private Long bodyId;
    @Column(name = "meeting_id")
    private Long meetingId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by_name", nullable = false, length = 200)
    private String createdByName;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by_name", nullable = false, length = 200)
    private String updatedByName;

    protected Measure() {
    }

    /**
     * The editable fields.
     *
     * @param startedOn day the measure began (before/after figures are around it)
     */
    public record Fields(String title, String description, String districtCode, Long riskPlaceId, String ownerName,
                         String ownerUsername, LocalDate deadline, String status, LocalDate startedOn, Long bodyId) {
    }

    public Measure(Fields f, Instant at, String by) {
        change(f, null, at, by);
        this.createdAt = at;
        this.createdByName = by;
    }

    /** @param today the city's today, recorded as {@code doneOn} when the status becomes done */
    public void change(Fields f, LocalDate today, Instant at, String by) {
        if ("done".equals(f.status()) && !"done".equals(status)) {
            this.doneOn = today == null ? f.startedOn() : today;
        } else if (!"done".equals(f.status())) {
            this.doneOn = null;
        }
        this.title = f.title();
        this.description = f.description();
        this.districtCode = f.districtCode();
        this.riskPlaceId = f.riskPlaceId();
        this.ownerName = f.ownerName();
        this.ownerUsername = f.ownerUsername();
        this.deadline = f.deadline();
        this.status = f.status();
        this.startedOn = f.startedOn();
        this.bodyId = f.bodyId();
        this.updatedAt = at;
        this.updatedByName = by;
    }

    public void decidedAt(Long meetingId) {
        this.meetingId = meetingId;
    }

    /** Overdue on {@code today}: past the deadline and not done or cancelled. */
    public boolean overdue(LocalDate today) {
        return !CLOSED.contains(status) && deadline.isBefore(today);
    }

    public Long id() { return id; }
    public String title() { return title; }
    public String description() { return description; }
    public String districtCode() { return districtCode; }
    public Long riskPlaceId() { return riskPlaceId; }
    public String ownerName() { return ownerName; }
    public String ownerUsername() { return ownerUsername; }
    public LocalDate deadline() { return deadline; }
    public String status() { return status; }
    public LocalDate startedOn() { return startedOn; }
    public LocalDate doneOn() { return doneOn; }
    public Long bodyId() { return bodyId; }
    public Long meetingId() { return meetingId; }
    public Instant createdAt() { return createdAt; }
    public String createdByName() { return createdByName; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedByName() { return updatedByName; }
}
