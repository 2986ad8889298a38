package cz.safecity.districts.entity;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A risk place as the API shows it (public; person ids are never shown, display names are).
 *
 * @param id            id
 * @param district      district code
 * @param geometry      RFC 7946 GeoJSON geometry (Point or Polygon), WGS84 lon/lat degrees
 * @param areaM2        polygon area in m² (local equirectangular projection), 0 for a point
 * @param kind          {@code feels-unsafe}, {@code many-offences} or {@code both}
 * @param description   text as typed
 * @param source        {@code survey}, {@code police}, {@code citizen} or {@code working-group}
 * @param status        {@code open}, {@code measures-taken} or {@code resolved}
 * @param reportedOn    day reported (city zone)
 * @param resolvedOn    day resolved (city zone), or null
 * @param createdBy     display name of the staff member who recorded it
 * @param createdAt     when recorded (UTC)
 * @param updatedBy     display name of the last editor
 * @param updatedAt     last change (UTC)
 */
public record RiskPlaceView(long id, String district, JsonObject geometry, double areaM2, String kind,
                            String description, String source, String status, LocalDate reportedOn,
                            LocalDate resolvedOn, String createdBy, Instant createdAt, String updatedBy,
                            Instant updatedAt) {
}
