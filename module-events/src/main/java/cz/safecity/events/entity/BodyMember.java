package cz.safecity.events.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A named member of a body (table {@code events_body_member}) from {@link #validFrom()} to {@link #validTo()}
 * (inclusive, city zone; null = still a member). Ending a membership sets {@code validTo}; rows are never deleted,
 * so the history stays. Members of the expert working group name their institution (state police, municipal
 * police, foreign police, probation and mediation service, city office, intervention centre, public prosecutor,
 * physician, an NGO).
 */
@Entity
@Table(name = "events_body_member")
public class BodyMember extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "body_id", nullable = false)
    private long bodyId;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(nullable = false, length = 60)
    private String role;
    @Column(length = 200)
    private String institution;
    @Column(length = 100)
    private String username;
    @Column(length = 254)
    private String email;
    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;

    protected BodyMember() {
    }

    public BodyMember(long bodyId, String name, String role, String institution, String username, String email,
                      LocalDate validFrom) {
        this.bodyId = bodyId;
        this.name = name;
        this.role = role;
        this.institution = institution;
        this.username = username;
        this.email = email;
        this.validFrom = validFrom;
    }

    public void end(LocalDate on) {
        this.validTo = on;
    }

    /** Whether a member on {@code day}. */
    public boolean activeOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    public Long id() { return id; }
    public long bodyId() { return bodyId; }
    public String name() { return name; }
    public String role() { return role; }
    public String institution() { return institution; }
    public String username() { return username; }
    public String email() { return email; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validTo() { return validTo; }
}
