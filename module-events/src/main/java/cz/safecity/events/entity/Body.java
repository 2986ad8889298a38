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
 * A body that meets (table {@code events_body}): a district working group, a borough group, the narrow or broad
 * group, the coordination meeting, the security commission, the expert working group, the city council. Its meeting
 * series is an RFC 5545 RRULE whose DTSTART is {@link #seriesStart()}, a local date-time in the city's zone; no
 * series (null rule) means it meets ad hoc.
 */
@Entity
@Table(name = "events_body")
public class Body extends TenantOwned {

    /** {@link #kind()} values; the escalation ladder's meeting levels use the same keys. */
    public static final List<String> KINDS = List.of("district-working-group", "borough-group", "narrow-group",
            "broad-group", "city-hall-group", "coordination-meeting", "security-commission", "expert-group",
            "city-council");
    /** {@link #scope()} values. */
    public static final List<String> SCOPES = List.of("city", "borough", "district");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 40)
    private String kind;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(nullable = false, length = 20)
    private String scope;
    @Column(name = "scope_code", length = 60)
    private String scopeCode;
    @Column(length = 500)
    private String rrule;
    @Column(name = "series_start")
    private LocalDateTime seriesStart;
    @Column(name = "duration_minutes")
    private Integer durationMinutes;
    @Column(length = 300)
    private String location;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;
    @Column(name = "created_by_name", nullable = false, length = 200)
    private String createdByName;

    protected Body() {
    }

    public Body(String kind, String name, String scope, String scopeCode, Instant at, String personId,
                String personName) {
        describe(kind, name, scope, scopeCode);
        this.createdAt = at;
        this.createdBy = personId;
        this.createdByName = personName;
    }

    public void describe(String kind, String name, String scope, String scopeCode) {
        this.kind = kind;
        this.name = name;
        this.scope = scope;
        this.scopeCode = scopeCode;
    }

    /** Sets (or with a null rule removes) the series. */
    public void schedule(String rrule, LocalDateTime seriesStart, Integer durationMinutes, String location) {
        this.rrule = rrule;
        this.seriesStart = rrule == null ? null : seriesStart;
        this.durationMinutes = rrule == null ? null : durationMinutes;
        this.location = location;
    }

    public Long id() { return id; }
    public String kind() { return kind; }
    public String name() { return name; }
    public String scope() { return scope; }
    public String scopeCode() { return scopeCode; }
    public String rrule() { return rrule; }
    public LocalDateTime seriesStart() { return seriesStart; }
    public Integer durationMinutes() { return durationMinutes; }
    public String location() { return location; }
    public Instant createdAt() { return createdAt; }
    public String createdByName() { return createdByName; }
}
