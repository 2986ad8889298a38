package cz.safecity.districts.entity;

import java.time.Instant;

/**
 * A police station or info box as the API shows it (public).
 *
 * @param id           id
 * @param district     district code
 * @param kind         {@code police-station-state}, {@code police-station-municipal} or {@code info-box}
 * @param name         name
 * @param address      postal address or null
 * @param openingHours free text or null
 * @param lon          WGS84 longitude, degrees
 * @param lat          WGS84 latitude, degrees
 * @param updatedAt    last change (UTC)
 */
public record ContactPointView(long id, String district, String kind, String name, String address,
                               String openingHours, double lon, double lat, Instant updatedAt) {

    public static ContactPointView of(ContactPoint p) {
        return new ContactPointView(p.id(), p.districtCode(), p.kind(), p.name(), p.address(), p.openingHours(),
                p.lon(), p.lat(), p.updatedAt());
    }
}
