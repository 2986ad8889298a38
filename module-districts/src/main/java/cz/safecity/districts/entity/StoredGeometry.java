package cz.safecity.districts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A geometry as the module stores it: OGC WKB (columns {@code geometry_wkb}), its bounding box in WGS84 degrees
 * ({@code min_lon}, {@code min_lat}, {@code max_lon}, {@code max_lat}; there is no PostGIS, the box lets SQL
 * pre-filter) and its area in square metres ({@code area_m2}, 0 for a point). Shared by districts, outlines and risk
 * places. Immutable: an entity replaces it whole.
 */
@Embeddable
public class StoredGeometry {

    @Column(name = "geometry_wkb", nullable = false)
    private byte[] geometryWkb;
    @Column(name = "min_lon", nullable = false)
    private double minLon;
    @Column(name = "min_lat", nullable = false)
    private double minLat;
    @Column(name = "max_lon", nullable = false)
    private double maxLon;
    @Column(name = "max_lat", nullable = false)
    private double maxLat;
    @Column(name = "area_m2", nullable = false)
    private double areaM2;

    protected StoredGeometry() {
    }

    /**
     * @param geometry WGS84 lon/lat degrees
     * @param areaM2   its area in square metres (0 for a point)
     */
    public StoredGeometry(Geometry geometry, double areaM2) {
        this.geometryWkb = Wkb.write(geometry);
        Envelope e = geometry.getEnvelopeInternal();
        this.minLon = e.getMinX();
        this.minLat = e.getMinY();
        this.maxLon = e.getMaxX();
        this.maxLat = e.getMaxY();
        this.areaM2 = areaM2;
    }

    /** WGS84 lon/lat degrees; decoded on every call. */
    public Geometry geometry() {
        return Wkb.read(geometryWkb);
    }

    public double areaM2() {
        return areaM2;
    }
}
