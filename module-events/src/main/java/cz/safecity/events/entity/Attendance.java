package cz.safecity.events.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named person invited to or present at a meeting (table {@code events_attendance}). */
@Entity
@Table(name = "events_attendance")
public class Attendance extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "meeting_id", nullable = false)
    private long meetingId;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(length = 100)
    private String role;
    @Column(length = 200)
    private String institution;
    @Column(nullable = false)
    private boolean present;

    protected Attendance() {
    }

    public Attendance(long meetingId, String name, String role, String institution, boolean present) {
        this.meetingId = meetingId;
        this.name = name;
        this.role = role;
        this.institution = institution;
        this.present = present;
    }

    public Long id() { return id; }
    public long meetingId() { return meetingId; }
    public String name() { return name; }
    public String role() { return role; }
    public String institution() { return institution; }
    public boolean present() { return present; }
}
