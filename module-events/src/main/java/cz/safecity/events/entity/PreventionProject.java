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
 * A crime-prevention project for a target group (table {@code events_project}), e.g. "Senioři I." (seniors),
 * "Bezpečně na vycházku" (children), "Bezpečný podnik" (youth), "Den národnostních menšin" (foreigners/minorities).
 */
@Entity
@Table(name = "events_project")
public class PreventionProject extends TenantOwned {

    public static final List<String> TARGET_GROUPS = List.of("seniors", "children", "youth", "foreigners", "others");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(name = "target_group", nullable = false, length = 30)
    private String targetGroup;
    @Column(length = 4000)
    private String description;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by_name", nullable = false, length = 200)
    private String createdByName;

    protected PreventionProject() {
    }

    public PreventionProject(String name, String targetGroup, String description, Instant at, String by) {
        change(name, targetGroup, description);
        this.createdAt = at;
        this.createdByName = by;
    }

    public void change(String name, String targetGroup, String description) {
        this.name = name;
        this.targetGroup = targetGroup;
        this.description = description;
    }

    public Long id() { return id; }
    public String name() { return name; }
    public String targetGroup() { return targetGroup; }
    public String description() { return description; }
    public String createdByName() { return createdByName; }
}
