package cz.safecity.platform.audit;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One official action (table {@code platform_audit}). */
@Entity
@Table(name = "platform_audit")
public class AuditEntry extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private Instant at;
    @Column(name = "person_id", nullable = false)
    private String personId;
    @Column(name = "person_name", nullable = false)
    private String personName;
    @Column(nullable = false)
    private String role;
    /** Dotted action, e.g. {@code districts.boundaries.imported}. */
    @Column(nullable = false)
    private String action;
    @Column(name = "object_type", nullable = false)
    private String objectType;
    @Column(name = "object_id", nullable = false)
    private String objectId;
    private String detail;

    protected AuditEntry() {
    }

    AuditEntry(Instant at, String personId, String personName, String role, String action, String objectType,
               String objectId, String detail) {
        this.at = at;
        this.personId = personId;
        this.personName = personName;
        this.role = role;
        this.action = action;
        this.objectType = objectType;
        this.objectId = objectId;
        this.detail = detail;
    }

    public Long id() { return id; }
    public Instant at() { return at; }
    public String personId() { return personId; }
    public String personName() { return personName; }
    public String role() { return role; }
    public String action() { return action; }
    public String objectType() { return objectType; }
    public String objectId() { return objectId; }
    public String detail() { return detail; }
}
