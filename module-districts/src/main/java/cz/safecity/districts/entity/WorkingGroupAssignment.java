package cz.safecity.districts.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One person holding one seat of a district's working group for a span of days (table
 * {@code districts_wg_assignment}). The district is referred to by its code, the identity of a district across
 * boundary versions. {@code validFrom}/{@code validTo} are local dates in the city's zone, both inclusive;
 * {@code validTo == null} means "until further notice". An assignment whose {@code validTo} is the day before its
 * {@code validFrom} never took effect (it was superseded on its first day). Rows are never deleted: history is the
 * "personal responsibility" of the seed — who answered for the district on a given day.
 *
 * <p>Public fields (shown on the district card and in vCards): display name, title, photo URL, phone, e-mail,
 * office hours, demo flag, dates. Private fields (city-admin only): username, personId and the bookkeeping.
 */
@Entity
@Table(name = "districts_wg_assignment")
public class WorkingGroupAssignment extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "district_code", nullable = false, length = 60)
    private String districtCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private WorkingGroupRole role;
    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;
    /** Keycloak login name of the person. */
    @Column(nullable = false, length = 100)
    private String username;
    /** Keycloak user id ({@code sub}), when known. */
    @Column(name = "person_id", length = 64)
    private String personId;
    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;
    /** Rank (police) or title (councillor), e.g. {@code npor.} or {@code Mgr.}. */
    @Column(length = 100)
    private String title;
    @Column(name = "photo_url", length = 500)
    private String photoUrl;
    @Column(length = 40)
    private String phone;
    @Column(length = 254)
    private String email;
    @Column(name = "office_hours", length = 500)
    private String officeHours;
    @Column(nullable = false)
    private boolean demo;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "ended_by", length = 100)
    private String endedBy;

    protected WorkingGroupAssignment() {
    }

    public WorkingGroupAssignment(String districtCode, WorkingGroupRole role, LocalDate validFrom, Person person,
                                  Instant createdAt, String createdBy) {
        this.districtCode = districtCode;
        this.role = role;
        this.validFrom = validFrom;
        this.username = person.username();
        this.personId = person.personId();
        this.displayName = person.displayName();
        this.title = person.title();
        this.photoUrl = person.photoUrl();
        this.phone = person.phone();
        this.email = person.email();
        this.officeHours = person.officeHours();
        this.demo = person.demo();
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /**
     * The person assigned, as given by the city-admin (validated by {@code MemberInput}).
     *
     * @param username    Keycloak login name (private)
     * @param personId    Keycloak user id or null (private)
     * @param displayName public name, e.g. {@code Jan Novák}
     * @param title       rank or title or null
     * @param photoUrl    absolute http(s) URL or null
     * @param phone       phone number as dialled, e.g. {@code +420 378 031 111}, or null
     * @param email       e-mail address or null
     * @param officeHours free text, e.g. {@code Po 14–17 h, služebna Jižní 12}, or null
     * @param demo        invented person of the demo data
     */
    public record Person(String username, String personId, String displayName, String title, String photoUrl,
                         String phone, String email, String officeHours, boolean demo) {
    }

    public Long id() { return id; }
    public String districtCode() { return districtCode; }
    public WorkingGroupRole role() { return role; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validTo() { return validTo; }
    public String username() { return username; }
    public String personId() { return personId; }
    public String displayName() { return displayName; }
    public String title() { return title; }
    public String photoUrl() { return photoUrl; }
    public String phone() { return phone; }
    public String email() { return email; }
    public String officeHours() { return officeHours; }
    public boolean demo() { return demo; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant endedAt() { return endedAt; }
    public String endedBy() { return endedBy; }

    public Person person() {
        return new Person(username, personId, displayName, title, photoUrl, phone, email, officeHours, demo);
    }

    /** Whether the assignment is in force on {@code day}. */
    public boolean coversDay(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    /** Sets the last day in force (inclusive). */
    public void end(LocalDate lastDay, Instant at, String by) {
        this.validTo = lastDay;
        this.endedAt = at;
        this.endedBy = by;
    }

    /** Same person with the same public and private fields (an idempotent re-assignment). */
    public boolean samePerson(Person other) {
        return Objects.equals(person(), other);
    }
}
