package cz.safecity.districts.control;

import cz.safecity.platform.json.Inputs;
import cz.safecity.districts.entity.RiskPlace;
import cz.safecity.platform.problem.ProblemException;
import jakarta.json.JsonObject;
import java.time.LocalDate;

/**
 * The body of {@code POST/PUT /api/cities/{city}/risk-places[/{id}]}, validated (PUT replaces every field):
 * <pre>{
 *   "district": "P3-07",                       // required, district code of the current boundary version
 *   "geometry": {"type": "Point", "coordinates": [13.37, 49.74]},   // Point or Polygon, WGS84; polygon ≤ 5 km²
 *   "kind": "feels-unsafe",                    // feels-unsafe | many-offences | both
 *   "description": "Unlit underpass …",        // required, ≤ 4000, stored raw
 *   "source": "survey",                        // survey | police | citizen | working-group
 *   "status": "open",                          // open | measures-taken | resolved; default open
 *   "reportedOn": "2026-11-02",                // ISO date, city zone, not in the future; default today
 *   "resolvedOn": "2026-11-20"                 // only with status resolved (default today then); ≥ reportedOn
 * }</pre>
 * Errors: 400 naming the field.
 */
public final class RiskPlaceInput {

    /** Longest description accepted (characters). */
    public static final int MAX_DESCRIPTION = 4000;

    private RiskPlaceInput() {
    }

    /** @param today the city's today */
    public static RiskPlace.Fields parse(JsonObject body, LocalDate today) {
        Inputs in = Inputs.of(body);
        String district = in.requiredText("district", 60);
        RiskPlaceGeometry.Checked geometry = RiskPlaceGeometry.check(in.object("geometry"));
        String kind = required(in.oneOf("kind", RiskPlace.KINDS), "kind", RiskPlace.KINDS);
        String description = in.requiredText("description", MAX_DESCRIPTION);
        String source = required(in.oneOf("source", RiskPlace.SOURCES), "source", RiskPlace.SOURCES);
        String status = in.oneOf("status", RiskPlace.STATUSES);
        if (status == null) {
            status = "open";
        }
        LocalDate reported = in.date("reportedOn");
        if (reported == null) {
            reported = today;
        }
        if (reported.isAfter(today)) {
            throw ProblemException.invalid("reportedOn", reported + " is in the future (today is " + today + ")");
        }
        LocalDate resolved = in.date("resolvedOn");
        if (RiskPlace.RESOLVED.equals(status)) {
            if (resolved == null) {
                resolved = today;
            }
            if (resolved.isBefore(reported)) {
                throw ProblemException.invalid("resolvedOn", resolved + " is before reportedOn " + reported);
            }
            if (resolved.isAfter(today)) {
                throw ProblemException.invalid("resolvedOn", resolved + " is in the future (today is " + today + ")");
            }
        } else if (resolved != null) {
            throw ProblemException.invalid("resolvedOn", "only a resolved risk place has a resolvedOn date");
        }
        return new RiskPlace.Fields(district, geometry.geometry(), geometry.areaM2(), kind, description, source,
                status, reported, resolved);
    }

    private static String required(String value, String field, java.util.List<String> allowed) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required; one of " + String.join(", ", allowed));
        }
        return value;
    }
}
