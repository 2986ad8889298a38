package cz.safecity.districts.entity;

/**
 * A district in a list (no geometry).
 *
 * @param id          district row id
 * @param code        district code
 * @param name        name
 * @param borough     borough or null
 * @param provisional generated, not official
 * @param areaM2      area, m²
 */
public record DistrictSummary(long id, String code, String name, BoroughRef borough, boolean provisional,
                              double areaM2) {
}
