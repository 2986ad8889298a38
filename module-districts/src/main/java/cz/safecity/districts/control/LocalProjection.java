package cz.safecity.districts.control;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * A local equirectangular projection around a reference point (λ0, φ0): x = R·cos φ0·(λ − λ0), y = R·(φ − φ0) in
 * metres, with R = 6 371 008.8 m (mean Earth radius, IUGG). It is affine, so containment and adjacency are kept
 * exactly, and within a city (±0.3° of latitude around φ0) lengths and areas are off by less than
 * |Δφ|·tan φ0 ≈ 0.6 % at 50° N — good enough for warnings, distances to a district edge and simplification
 * tolerances. Every metre figure of the module (areas in m², distances in m) is computed in such a projection
 * centred on the city (the data's envelope centre).
 */
public final class LocalProjection {

    /** Mean Earth radius in metres (IUGG). */
    public static final double EARTH_RADIUS_M = 6_371_008.8;
    private static final double METRES_PER_DEGREE = EARTH_RADIUS_M * Math.PI / 180.0;

    private final double lon0;
    private final double lat0;
    private final double kx;
    private final double ky;
    private final AffineTransformation forward;
    private final AffineTransformation inverse;

    private LocalProjection(double lon0, double lat0) {
        this.lon0 = lon0;
        this.lat0 = lat0;
        this.kx = METRES_PER_DEGREE * Math.cos(Math.toRadians(lat0));
        this.ky = METRES_PER_DEGREE;
        this.forward = AffineTransformation.translationInstance(-lon0, -lat0).scale(kx, ky);
        this.inverse = new AffineTransformation().scale(1 / kx, 1 / ky).translate(lon0, lat0);
    }

    /** Projection centred on (lon, lat), WGS84 degrees. */
    public static LocalProjection at(double lon, double lat) {
        return new LocalProjection(lon, lat);
    }

    /** Projection centred on the centre of an envelope in WGS84 degrees. */
    public static LocalProjection around(Envelope wgs84) {
        return at(wgs84.centre().x, wgs84.centre().y);
    }

    public double lon0() {
        return lon0;
    }

    public double lat0() {
        return lat0;
    }

    /** A copy of a WGS84 lon/lat geometry in local metres. */
    public Geometry toMetres(Geometry wgs84) {
        return forward.transform(wgs84);
    }

    /** A copy of a local-metre geometry back in WGS84 lon/lat degrees. */
    public Geometry toDegrees(Geometry metres) {
        return inverse.transform(metres);
    }

    /**
     * (lon, lat) in degrees → local metres, with exactly the arithmetic used for geometries, so a point given with
     * the coordinates of a district vertex lands exactly on that vertex.
     */
    public Coordinate toMetres(double lon, double lat) {
        return forward.transform(new Coordinate(lon, lat), new Coordinate());
    }

    /** Local metres → (lon, lat) in degrees. */
    public Coordinate toDegrees(Coordinate metres) {
        return inverse.transform(metres, new Coordinate());
    }

    /** Area of a WGS84 geometry in m². */
    public double areaM2(Geometry wgs84) {
        return toMetres(wgs84).getArea();
    }

    /** Degrees of longitude spanning {@code metres} at φ0. */
    public double lonDegrees(double metres) {
        return metres / kx;
    }

    /** Degrees of latitude spanning {@code metres}. */
    public double latDegrees(double metres) {
        return metres / ky;
    }
}
