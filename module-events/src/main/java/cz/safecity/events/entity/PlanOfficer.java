package cz.safecity.events.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An officer or unit assigned by name to an event plan (table {@code events_plan_officer}). */
@Entity
@Table(name = "events_plan_officer")
public class PlanOfficer extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "plan_id", nullable = false)
    private long planId;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(length = 200)
    private String unit;
    @Column(length = 100)
    private String role;

    protected PlanOfficer() {
    }

    public PlanOfficer(long planId, String name, String unit, String role) {
        this.planId = planId;
        this.name = name;
        this.unit = unit;
        this.role = role;
    }

    public Long id() { return id; }
    public long planId() { return planId; }
    public String name() { return name; }
    public String unit() { return unit; }
    public String role() { return role; }
}
