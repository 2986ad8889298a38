package cz.safecity.events.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;

/** An activity of a prevention project: dates, districts, participants reached (table {@code events_project_activity}). */
@Entity
@Table(name = "events_project_activity")
public class ProjectActivity extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "project_id", nullable = false)
    private long projectId;
    @Column(nullable = false, length = 200)
    private String title;
    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;
    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;
    @Column(name = "district_codes", length = 1000)
    private String districtCodes;
    @Column(nullable = false)
    private int participants;

    protected ProjectActivity() {
    }

    public ProjectActivity(long projectId, String title, LocalDate startsOn, LocalDate endsOn, List<String> districts,
                           int participants) {
        this.projectId = projectId;
        this.title = title;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.districtCodes = String.join(",", districts);
        this.participants = participants;
    }

    public Long id() { return id; }
    public long projectId() { return projectId; }
    public String title() { return title; }
    public LocalDate startsOn() { return startsOn; }
    public LocalDate endsOn() { return endsOn; }
    public List<String> districts() {
        return districtCodes == null || districtCodes.isEmpty() ? List.of() : List.of(districtCodes.split(","));
    }
    public int participants() { return participants; }
}
