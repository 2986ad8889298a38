package cz.safecity.platform.contract;

/**
 * A district as other modules see it.
 *
 * @param code        the district's code within its city, e.g. {@code 1} or {@code P1-03}
 * @param name        display name
 * @param borough     name of its borough, or null where the city has no borough level
 * @param provisional true when the boundary is generated, not the city's real one
 */
public record DistrictRef(String code, String name, String borough, boolean provisional) {
}
