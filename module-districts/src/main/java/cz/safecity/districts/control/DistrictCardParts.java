package cz.safecity.districts.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The parts of a district card that other features of the module contribute: working-group members, police
 * stations and info boxes, recommendations. Each method gets the district row id (the district as drawn in one
 * boundary version) and its code (stable across versions) and answers a list of JSON-B-serialisable records.
 * Empty until the working-group/stations/recommendations tables (migration V2) exist.
 */
@ApplicationScoped
public class DistrictCardParts {

    /** Working-group members (police officer, constable, councillor), public names. */
    public List<?> workingGroup(long districtId, String code) {
        return List.of();
    }

    /** Police stations and info boxes of the district. */
    public List<?> stations(long districtId, String code) {
        return List.of();
    }

    /** Safety recommendations for the district. */
    public List<?> recommendations(long districtId, String code) {
        return List.of();
    }
}
