package cz.safecity.districts.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Geometry;

/**
 * A police district (<i>okrsek</i>) as drawn in one {@link BoundaryVersion} (table {@code districts_district}).
 * Rows are never rewritten: a new boundary version inserts new rows, so whatever refers to a district id keeps
 * referring to the district as it was. The identity of "the same district" across versions is its {@code code}
 * (unique within a version). {@code boroughId} references {@link Borough} (null in cities without boroughs).
 */
@Entity
@Table(name = "districts_district")
public class District extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "version_id", nullable = false)
    private long versionId;
    @Column(nullable = false, length = 60)
    private String code;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(name = "borough_id")
    private Long boroughId;
    @Column(nullable = false)
    private boolean provisional;
    @Embedded
    private StoredGeometry shape;

    protected District() {
    }

    /**
     * @param geometry (Multi)Polygon in WGS84 lon/lat degrees
     * @param areaM2   its area in square metres
     */
    public District(long versionId, String code, String name, Long boroughId, boolean provisional, Geometry geometry,
                    double areaM2) {
        this.versionId = versionId;
        this.code = code;
        this.name = name;
        this.boroughId = boroughId;
        this.provisional = provisional;
        this.shape = new StoredGeometry(geometry, areaM2);
    }

    public Long id() { return id; }
    public long versionId() { return versionId; }
    public String code() { return code; }
    public String name() { return name; }
    public Long boroughId() { return boroughId; }
    public boolean provisional() { return provisional; }
    /** The boundary, WGS84 lon/lat degrees. Decoded on every call. */
    public Geometry geometry() { return shape.geometry(); }
    public double areaM2() { return shape.areaM2(); }
}
