package cz.safecity.districts.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A safety recommendation for citizens (table {@code districts_recommendation}), e.g. "Lock your bicycle to a
 * fixed stand." Written in one of the city's locales; for one district (by code) or, with
 * {@code districtCode == null}, for the whole city. Lists are ordered by {@code position}, then id.
 */
@Entity
@Table(name = "districts_recommendation")
public class Recommendation extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    /** District code, or null for a city-wide recommendation. */
    @Column(name = "district_code", length = 60)
    private String districtCode;
    /** BCP 47 tag, one of the city's locales, e.g. {@code cs}. */
    @Column(nullable = false, length = 20)
    private String locale;
    @Column(nullable = false)
    private int position;
    @Column(length = 200)
    private String title;
    @Column(nullable = false, length = 4000)
    private String text;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    protected Recommendation() {
    }

    public Recommendation(Fields fields, Instant at, String by) {
        change(fields, at, by);
        this.createdAt = at;
        this.createdBy = by;
    }

    /**
     * The editable fields (validated by {@code RecommendationInput}).
     *
     * @param districtCode district code or null (city-wide)
     * @param locale       BCP 47 tag, one of the city's locales
     * @param position     order within its list (ascending)
     * @param title        short heading or null
     * @param text         the recommendation, plain text
     */
    public record Fields(String districtCode, String locale, int position, String title, String text) {
    }

    public void change(Fields f, Instant at, String by) {
        this.districtCode = f.districtCode();
        this.locale = f.locale();
        this.position = f.position();
        this.title = f.title();
        this.text = f.text();
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public Long id() { return id; }
    public String districtCode() { return districtCode; }
    public String locale() { return locale; }
    public int position() { return position; }
    public String title() { return title; }
    public String text() { return text; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
