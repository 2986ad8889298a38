package cz.safecity.districts.entity;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Geometry ↔ OGC WKB (2D, big-endian), the storage format of every {@code geometry_wkb} column. Coordinates are
 * WGS84 longitude/latitude in degrees (x = lon, y = lat), SRID 4326.
 */
public final class Wkb {

    /** Factory for all WGS84 geometries of the module (floating precision, SRID 4326). */
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private Wkb() {
    }

    public static byte[] write(Geometry g) {
        return new WKBWriter(2).write(g);
    }

    /** @throws IllegalStateException when the stored bytes are not WKB (a corrupted row, never user input) */
    public static Geometry read(byte[] wkb) {
        try {
            return new WKBReader(WGS84).read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("stored geometry is not WKB", e);
        }
    }
}
