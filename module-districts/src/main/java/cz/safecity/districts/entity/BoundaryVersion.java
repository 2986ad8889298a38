package cz.safecity.districts.entity;

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
 * One set of district boundaries of a city (table {@code districts_boundary_version}), created by an import or a
 * provisional generation and never changed afterwards. It is in force from {@code validFrom} (a local date in the
 * city's zone) until the next version's {@code validFrom}; of two versions with the same date the later one (higher
 * id) wins.
 */
@Entity
@Table(name = "districts_boundary_version")
public class BoundaryVersion extends TenantOwned {

    /** {@link #source()} of an import from GeoJSON. */
    public static final String IMPORT = "import";
    /** {@link #source()} of generated provisional boundaries. */
    public static final String PROVISIONAL = "provisional";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    /** 1, 2, 3… within the city. */
    @Column(nullable = false)
    private int number;
    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;
    @Column(nullable = false)
    private boolean provisional;
    @Column(nullable = false, length = 20)
    private String source;
    /** JSON object: the property mapping or generation parameters used. */
    private String mapping;
    @Column(name = "district_count", nullable = false)
    private int districtCount;
    /** JSON array of warnings ({@code {kind, codes, areaM2, ...}}). */
    @Column(nullable = false)
    private String warnings = "[]";
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    protected BoundaryVersion() {
    }

    public BoundaryVersion(int number, LocalDate validFrom, boolean provisional, String source, String mapping,
                           int districtCount, String warnings, Instant createdAt, String createdBy) {
        this.number = number;
        this.validFrom = validFrom;
        this.provisional = provisional;
        this.source = source;
        this.mapping = mapping;
        this.districtCount = districtCount;
        this.warnings = warnings;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long id() { return id; }
    public int number() { return number; }
    public LocalDate validFrom() { return validFrom; }
    public boolean provisional() { return provisional; }
    public String source() { return source; }
    public String mapping() { return mapping; }
    public int districtCount() { return districtCount; }
    public String warningsJson() { return warnings; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
}
