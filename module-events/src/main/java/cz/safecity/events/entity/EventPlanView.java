package cz.safecity.events.entity;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * A public-order plan as the API shows it.
 *
 * @param geometry GeoJSON geometry (Point or Polygon, WGS84 lon/lat), or null
 * @param start    ISO 8601 with the local offset
 */
public record EventPlanView(long id, String title, String organiser, String place, JsonObject geometry,
                            List<String> districts, String start, String end, int expectedAttendance,
                            String riskLevel, String afterActionNote, List<Officer> officers, List<Check> checklist,
                            String createdBy, String updatedBy) {

    public record Officer(long id, String name, String unit, String role) {
    }

    public record Check(long id, int position, String text, boolean done, String doneBy, String doneAt) {
    }
}
