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
import org.locationtech.jts.geom.Geometry;

/**
 * The municipal outline of a city (table {@code districts_outline}, one row per city). Replacing the outline
 * deletes the row and inserts a new one, so the id identifies one outline for caches.
 */
@Entity
@Table(name = "districts_outline")
public class Outline extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Embedded
    private StoredGeometry shape;
    /** Where it came from, e.g. {@code kod=554791}. */
    @Column(length = 300)
    private String source;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    protected Outline() {
    }

    /**
     * @param geometry (Multi)Polygon, WGS84 lon/lat
     * @param areaM2   area in square metres
     */
    public Outline(Geometry geometry, double areaM2, String source, Instant updatedAt, String updatedBy) {
        this.shape = new StoredGeometry(geometry, areaM2);
        this.source = source;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    public Long id() { return id; }
    public Geometry geometry() { return shape.geometry(); }
    public double areaM2() { return shape.areaM2(); }
    public String source() { return source; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
