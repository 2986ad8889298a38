package cz.safecity.platform.contract;

import java.util.List;

/**
 * The district in force at a point.
 *
 * @param district     the district containing the point (on a shared edge: the lowest code)
 * @param nearBoundary true when the point lies within the city's near-boundary distance of another district
 * @param neighbours   those other districts, nearest first (empty unless {@code nearBoundary})
 */
public record DistrictAt(DistrictRef district, boolean nearBoundary, List<DistrictRef> neighbours) {

    public DistrictAt {
        neighbours = List.copyOf(neighbours);
    }
}
