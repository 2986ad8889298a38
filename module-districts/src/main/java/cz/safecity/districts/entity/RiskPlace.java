package cz.safecity.districts.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A risk place (<i>rizikové místo</i>) in a district (table {@code districts_risk_place}): where citizens feel unsafe,
 * where offences accumulate, or both. The working group reacts to it; its status tells how far. Geometry is a
 * Point or a Polygon in WGS84 lon/lat degrees (stored as WKB with its bounding box and area). The description is
 * stored raw as typed. Dates are local dates in the city's zone; created/updated by keep the person id (private)
 * and display name (public: no anonymity on the official side).
 */
@Entity
@Table(name = "districts_risk_place")
public class RiskPlace extends TenantOwned {

    /** {@link #kind()} values. */
    public static final List<String> KINDS = List.of("feels-unsafe", "many-offences", "both");
    /** {@link #source()} values. */
    public static final List<String> SOURCES = List.of("survey", "police", "citizen", "working-group");
    /** {@link #status()} values, in the order a place moves through them. */
    public static final List<String> STATUSES = List.of("open", "measures-taken", "resolved");
    /** The status that carries a {@code resolvedOn} date. */
    public static final String RESOLVED = "resolved";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "district_code", nullable = false, length = 60)
    private String districtCode;
    /** {@code Point} or {@code Polygon}. */
    @Column(name = "geometry_type", nullable = false, length = 20)
    private String geometryType;
    @Embedded
    private StoredGeometry shape;
    @Column(nullable = false, length = 20)
    private String kind;
    @Column(nullable = false, length = 4000)
    private String description;
    @Column(nullable = false, length = 20)
    private String source;
    @Column(nullable = false, length = 20)
    private String status;
    @Column(name = "reported_on", nullable = false)
    private LocalDate reportedOn;
    @Column(name = "resolved_on")
    private LocalDate resolvedOn;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;
    @Column(name = "created_by_name", nullable = false, length = 200)
    private String createdByName;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;
    @Column(name = "updated_by_name", nullable = false, length = 200)
    private String updatedByName;

    protected RiskPlace() {
    }

    public RiskPlace(Fields fields, Instant at, String personId, String personName) {
        change(fields, at, personId, personName);
        this.createdAt = at;
        this.createdBy = personId;
        this.createdByName = personName;
    }

    /**
     * The editable fields (validated by {@code RiskPlaceInput}).
     *
     * @param districtCode code of the district it lies in
     * @param geometry     valid Point or Polygon, WGS84 lon/lat degrees
     * @param areaM2       polygon area in m² (0 for a point)
     * @param kind         one of {@link #KINDS}
     * @param description  raw text as typed
     * @param source       one of {@link #SOURCES}
     * @param status       one of {@link #STATUSES}
     * @param reportedOn   day it was reported (city zone)
     * @param resolvedOn   day it was resolved (only with status {@code resolved}), or null
     */
    public record Fields(String districtCode, Geometry geometry, double areaM2, String kind, String description,
                         String source, String status, LocalDate reportedOn, LocalDate resolvedOn) {
    }

    public void change(Fields f, Instant at, String personId, String personName) {
        this.districtCode = f.districtCode();
        this.geometryType = f.geometry().getGeometryType();
        this.shape = new StoredGeometry(f.geometry(), f.areaM2());
        this.kind = f.kind();
        this.description = f.description();
        this.source = f.source();
        this.status = f.status();
        this.reportedOn = f.reportedOn();
        this.resolvedOn = f.resolvedOn();
        this.updatedAt = at;
        this.updatedBy = personId;
        this.updatedByName = personName;
    }

    public Long id() { return id; }
    public String districtCode() { return districtCode; }
    public String geometryType() { return geometryType; }
    /** WGS84 lon/lat degrees; decoded on every call. */
    public Geometry geometry() { return shape.geometry(); }
    public double areaM2() { return shape.areaM2(); }
    public String kind() { return kind; }
    public String description() { return description; }
    public String source() { return source; }
    public String status() { return status; }
    public LocalDate reportedOn() { return reportedOn; }
    public LocalDate resolvedOn() { return resolvedOn; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public String createdByName() { return createdByName; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
    public String updatedByName() { return updatedByName; }
}
