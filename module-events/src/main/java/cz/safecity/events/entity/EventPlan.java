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
 * A public-order preparation plan for a cultural or sports event (table {@code events_plan}): organiser, place
 * (a name and a GeoJSON point or polygon), the districts it touches, dates, expected attendance, risk level, and an
 * after-action note. Officers and checklist items are {@link PlanOfficer} and {@link PlanCheck}.
 */
@Entity
@Table(name = "events_plan")
public class EventPlan extends TenantOwned {

    public static final List<String> RISK_LEVELS = List.of("low", "medium", "high");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 200)
    private String title;
    @Column(nullable = false, length = 200)
    private String organiser;
    @Column(nullable = false, length = 300)
    private String place;
    @Column
    private String geometry;
    @Column(name = "district_codes", length = 1000)
    private String districtCodes;
    @Column(name = "start_at", nullable = false)
    private Instant startAt;
    @Column(name = "end_at", nullable = false)
    private Instant endAt;
    @Column(name = "expected_attendance", nullable = false)
    private int expectedAttendance;
    @Column(name = "risk_level", nullable = false, length = 20)
    private String riskLevel;
    @Column(name = "after_action_note", length = 4000)
    private String afterActionNote;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by_name", nullable = false, length = 200)
    private String createdByName;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by_name", nullable = false, length = 200)
    private String updatedByName;

    protected EventPlan() {
    }

    /** @param geometry GeoJSON geometry text (Point or Polygon), or null; districts comma-separated codes */
    public record Fields(String title, String organiser, String place, String geometry, List<String> districts,
                         Instant startAt, Instant endAt, int expectedAttendance, String riskLevel,
                         String afterActionNote) {
    }

    public EventPlan(Fields f, Instant at, String by) {
        change(f, at, by);
        this.createdAt = at;
        this.createdByName = by;
    }

    public void change(Fields f, Instant at, String by) {
        this.title = f.title();
        this.organiser = f.organiser();
        this.place = f.place();
        this.geometry = f.geometry();
        this.districtCodes = String.join(",", f.districts());
        this.startAt = f.startAt();
        this.endAt = f.endAt();
        this.expectedAttendance = f.expectedAttendance();
        this.riskLevel = f.riskLevel();
        this.afterActionNote = f.afterActionNote();
        this.updatedAt = at;
        this.updatedByName = by;
    }

    public Long id() { return id; }
    public String title() { return title; }
    public String organiser() { return organiser; }
    public String place() { return place; }
    public String geometry() { return geometry; }
    public List<String> districts() {
        return districtCodes == null || districtCodes.isEmpty() ? List.of() : List.of(districtCodes.split(","));
    }
    public Instant startAt() { return startAt; }
    public Instant endAt() { return endAt; }
    public int expectedAttendance() { return expectedAttendance; }
    public String riskLevel() { return riskLevel; }
    public String afterActionNote() { return afterActionNote; }
    public String createdByName() { return createdByName; }
    public String updatedByName() { return updatedByName; }
}
