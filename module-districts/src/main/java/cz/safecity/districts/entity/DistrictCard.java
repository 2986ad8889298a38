package cz.safecity.districts.entity;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * The district card (<i>okrsková karta</i>): public, shown on the portal and answered by locate.
 *
 * @param id              district row id (the district as drawn in {@code boundary})
 * @param code            district code, stable across boundary versions
 * @param name            e.g. {@code Praha 4 – okrsek 12}
 * @param borough         its borough, or null in cities without boroughs
 * @param provisional     the boundary is generated, not official — the portal must say so
 * @param boundary        the boundary version the district belongs to ({@code validFrom} in the city's zone)
 * @param areaM2          area in m²
 * @param geometry        GeoJSON (Multi)Polygon, WGS84 lon/lat; omitted when not asked for
 * @param workingGroup    working-group members (police officer, constable, councillor); filled by
 *                        {@code DistrictCardParts}
 * @param stations        police stations and info boxes in or for the district; filled by {@code DistrictCardParts}
 * @param recommendations safety recommendations for the district; filled by {@code DistrictCardParts}
 */
public record DistrictCard(long id, String code, String name, BoroughRef borough, boolean provisional,
                           BoundaryRef boundary, double areaM2, JsonObject geometry, List<?> workingGroup,
                           List<?> stations, List<?> recommendations) {
}
