package cz.safecity.districts.entity;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer of locate: the district card of the point and whether the point is near a district edge.
 *
 * @param lon                WGS84 longitude asked, degrees
 * @param lat                WGS84 latitude asked, degrees
 * @param at                 date the boundaries are taken at (city zone)
 * @param district           the card of the district the point lies in (on a shared edge: the lowest code)
 * @param edgeDistanceMetres distance from the point to that district's boundary, m (0.1 m)
 * @param nearBoundary       edge distance ≤ the city's {@code nearBoundaryMetres} setting
 * @param nearBoundaryMetres the threshold used, m
 * @param neighbours         other districts within the threshold, nearest first
 */
public record Located(double lon, double lat, LocalDate at, DistrictCard district, double edgeDistanceMetres,
                      boolean nearBoundary, int nearBoundaryMetres, List<Neighbour> neighbours) {

    /**
     * A district near the point.
     *
     * @param distanceMetres distance from the point to the district, m (0 when the point lies on its edge)
     */
    public record Neighbour(String code, String name, double distanceMetres) {
    }
}
