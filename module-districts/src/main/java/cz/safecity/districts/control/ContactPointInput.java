package cz.safecity.districts.control;

import cz.safecity.platform.json.Inputs;
import cz.safecity.districts.entity.ContactPoint;
import jakarta.json.JsonObject;

/**
 * The body of {@code POST/PUT /api/cities/{city}/contact-points[/{id}]}, validated (PUT replaces every field):
 * <pre>{
 *   "district": "P3-07",                  // required, district code of the current boundary version
 *   "kind": "info-box",                   // police-station-state | police-station-municipal | info-box
 *   "name": "Info-schránka U Radnice",    // required, ≤ 200
 *   "address": "náměstí Republiky 1",     // ≤ 300
 *   "openingHours": "nonstop",            // ≤ 500
 *   "lon": 13.3776, "lat": 49.7475        // WGS84 degrees, required
 * }</pre>
 * Errors: 400 naming the field ({@code lat}/{@code lon} out of range included).
 */
public final class ContactPointInput {

    private ContactPointInput() {
    }

    public static ContactPoint.Fields parse(JsonObject body) {
        Inputs in = Inputs.of(body);
        String district = in.requiredText("district", 60);
        String kind = in.oneOf("kind", ContactPoint.KINDS);
        if (kind == null) {
            throw cz.safecity.platform.problem.ProblemException.invalid("kind", "is required; one of "
                    + String.join(", ", ContactPoint.KINDS));
        }
        String name = in.requiredText("name", 200);
        String address = in.text("address", 300);
        String hours = in.text("openingHours", 500);
        double lon = in.number("lon", -180, 180);
        double lat = in.number("lat", -90, 90);
        return new ContactPoint.Fields(district, kind, name, address, hours, lon, lat);
    }
}
