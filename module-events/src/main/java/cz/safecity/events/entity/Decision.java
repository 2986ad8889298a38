package cz.safecity.events.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A decision recorded at a meeting (table {@code events_decision}), optionally creating a measure. */
@Entity
@Table(name = "events_decision")
public class Decision extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "meeting_id", nullable = false)
    private long meetingId;
    @Column(nullable = false, length = 4000)
    private String text;
    @Column(name = "measure_id")
    private Long measureId;

    protected Decision() {
    }

    public Decision(long meetingId, String text, Long measureId) {
        this.meetingId = meetingId;
        this.text = text;
        this.measureId = measureId;
    }

    public Long id() { return id; }
    public long meetingId() { return meetingId; }
    public String text() { return text; }
    public Long measureId() { return measureId; }
}
