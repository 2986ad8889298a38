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
 * An item on a meeting's agenda (table {@code events_agenda_item}); {@link #matterId()} links an item that came from
 * a matter escalated in the messaging module.
 */
@Entity
@Table(name = "events_agenda_item")
public class AgendaItem extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "meeting_id", nullable = false)
    private long meetingId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false, length = 500)
    private String title;
    @Column(length = 4000)
    private String description;
    @Column(name = "matter_id")
    private Long matterId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by_name", nullable = false, length = 200)
    private String createdByName;

    protected AgendaItem() {
    }

    public AgendaItem(long meetingId, int position, String title, String description, Long matterId, Instant at,
                      String by) {
        this.meetingId = meetingId;
        this.position = position;
        this.title = title;
        this.description = description;
        this.matterId = matterId;
        this.createdAt = at;
        this.createdByName = by;
    }

    public Long id() { return id; }
    public long meetingId() { return meetingId; }
    public int position() { return position; }
    public String title() { return title; }
    public String description() { return description; }
    public Long matterId() { return matterId; }
    public Instant createdAt() { return createdAt; }
    public String createdByName() { return createdByName; }
}
