package cz.safecity.events.entity;

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
 * A public meeting (<i>veřejné setkání</i>) of a working group with citizens (table {@code events_public_meeting}):
 * announced publicly with date, place, district and agenda; {@link #capacity()} seats, then a waitlist.
 */
@Entity
@Table(name = "events_public_meeting")
public class PublicMeeting extends TenantOwned {

    public static final List<String> STATUSES = List.of("announced", "cancelled", "held");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 200)
    private String title;
    @Column(name = "body_id")
    private Long bodyId;
    @Column(name = "district_code", length = 60)
    private String districtCode;
    @Column(nullable = false, length = 300)
    private String place;
    @Column(name = "start_at", nullable = false)
    private Instant startAt;
    @Column(name = "end_at", nullable = false)
    private Instant endAt;
    @Column(length = 4000)
    private String agenda;
    @Column(nullable = false)
    private int capacity;
    @Column(nullable = false, length = 20)
    private String status;
    @Column
    private String minutes;
    @Column(name = "minutes_published_at")
    private Instant minutesPublishedAt;
    @Column(name = "registrants_erased_at")
    private Instant registrantsErasedAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by_name", nullable = false, length = 200)
    private String createdByName;

    protected PublicMeeting() {
    }

    /** The editable fields. */
    public record Fields(String title, Long bodyId, String districtCode, String place, Instant startAt, Instant endAt,
                         String agenda, int capacity) {
    }

    public PublicMeeting(Fields f, Instant at, String by) {
        change(f);
        this.status = "announced";
        this.createdAt = at;
        this.createdByName = by;
    }

    public void change(Fields f) {
        this.title = f.title();
        this.bodyId = f.bodyId();
        this.districtCode = f.districtCode();
        this.place = f.place();
        this.startAt = f.startAt();
        this.endAt = f.endAt();
        this.agenda = f.agenda();
        this.capacity = f.capacity();
    }

    public void status(String status) {
        this.status = status;
    }

    public void publishMinutes(String minutes, Instant at) {
        this.minutes = minutes;
        this.minutesPublishedAt = at;
    }

    public void registrantsErased(Instant at) {
        this.registrantsErasedAt = at;
    }

    public Long id() { return id; }
    public String title() { return title; }
    public Long bodyId() { return bodyId; }
    public String districtCode() { return districtCode; }
    public String place() { return place; }
    public Instant startAt() { return startAt; }
    public Instant endAt() { return endAt; }
    public String agenda() { return agenda; }
    public int capacity() { return capacity; }
    public String status() { return status; }
    public String minutes() { return minutes; }
    public Instant minutesPublishedAt() { return minutesPublishedAt; }
    public Instant registrantsErasedAt() { return registrantsErasedAt; }
    public Instant createdAt() { return createdAt; }
    public String createdByName() { return createdByName; }
}
