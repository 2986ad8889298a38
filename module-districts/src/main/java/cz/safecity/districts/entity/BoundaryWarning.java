package cz.safecity.districts.entity;

import java.util.List;

/**
 * Something an accepted boundary import should look at (stored with the version, shown by the API).
 *
 * @param kind   {@code overlap} (two districts share area), {@code gap} (an area enclosed by districts that none
 *               covers), {@code uncovered} (part of the city outline no district covers, ≥ 1 ha),
 *               {@code beyond-outline} (part of a district outside the city outline), {@code far-away} (a feature
 *               far from all others, when the city has no outline)
 * @param codes  district codes involved: the pair for an overlap, the adjacent districts for a gap
 * @param areaM2 area in square metres (local equirectangular projection, see {@code LocalProjection}), 0.1 m²
 * @param lon    a point inside the area, WGS84 longitude (degrees)
 * @param lat    its latitude (degrees)
 */
public record BoundaryWarning(String kind, List<String> codes, double areaM2, double lon, double lat) {
}
