package cz.safecity.events.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An effectiveness review of a measure at a later meeting (table {@code events_measure_review}): a rating (1 = no
 * effect … 5 = solved), a note, and — where the stats module provides them — offences in the measure's district (or
 * the city) in the same calendar months before ({@code before*}, a year earlier) and after ({@code after*}) the
 * measure began. Figures are null with {@link #figuresNote()} saying why when unknown.
 */
@Entity
@Table(name = "events_measure_review")
public class MeasureReview extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "measure_id", nullable = false)
    private long measureId;
    @Column(name = "meeting_id")
    private Long meetingId;
    @Column(name = "reviewed_on", nullable = false)
    private LocalDate reviewedOn;
    @Column(nullable = false)
    private int rating;
    @Column(length = 4000)
    private String note;
    @Column(name = "before_from", length = 7)
    private String beforeFrom;
    @Column(name = "before_to", length = 7)
    private String beforeTo;
    @Column(name = "after_from", length = 7)
    private String afterFrom;
    @Column(name = "after_to", length = 7)
    private String afterTo;
    @Column(name = "offences_before")
    private Long offencesBefore;
    @Column(name = "offences_after")
    private Long offencesAfter;
    @Column(name = "figures_note", length = 500)
    private String figuresNote;
    @Column(name = "reviewed_by_name", nullable = false, length = 200)
    private String reviewedByName;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MeasureReview() {
    }

    public MeasureReview(long measureId, Long meetingId, LocalDate reviewedOn, int rating, String note, Instant at,
                         String by) {
        this.measureId = measureId;
        this.meetingId = meetingId;
        this.reviewedOn = reviewedOn;
        this.rating = rating;
        this.note = note;
        this.createdAt = at;
        this.reviewedByName = by;
    }

    /** Sets the before/after windows (YYYY-MM) and offence counts (null = unknown, with a note). */
    public void figures(String beforeFrom, String beforeTo, String afterFrom, String afterTo, Long before, Long after,
                        String note) {
        this.beforeFrom = beforeFrom;
        this.beforeTo = beforeTo;
        this.afterFrom = afterFrom;
        this.afterTo = afterTo;
        this.offencesBefore = before;
        this.offencesAfter = after;
        this.figuresNote = note;
    }

    public Long id() { return id; }
    public long measureId() { return measureId; }
    public Long meetingId() { return meetingId; }
    public LocalDate reviewedOn() { return reviewedOn; }
    public int rating() { return rating; }
    public String note() { return note; }
    public String beforeFrom() { return beforeFrom; }
    public String beforeTo() { return beforeTo; }
    public String afterFrom() { return afterFrom; }
    public String afterTo() { return afterTo; }
    public Long offencesBefore() { return offencesBefore; }
    public Long offencesAfter() { return offencesAfter; }
    public String figuresNote() { return figuresNote; }
    public String reviewedByName() { return reviewedByName; }
    public Instant createdAt() { return createdAt; }
}
