package cz.safecity.districts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The parts of a district card that other features of the module contribute: working-group members, police
 * stations and info boxes, recommendations. Each method gets the district row id (the district as drawn in one
 * boundary version) and its code (stable across versions) and answers a list of JSON-B-serialisable records.
 * Filled by {@link CardPeopleAndPlaces} (tables of migrations V10–V12, keyed by district code; the card's
 * {@code at} and {@code lang} query parameters select the day and the language).
 */
@ApplicationScoped
public class DistrictCardParts {

    @Inject
    CardPeopleAndPlaces peopleAndPlaces;

    /** Working-group members (police officer, constable, councillor), public fields only. */
    public List<?> workingGroup(long districtId, String code) {
        return peopleAndPlaces.workingGroup(code);
    }

    /** Police stations and info boxes of the district. */
    public List<?> stations(long districtId, String code) {
        return peopleAndPlaces.stations(code);
    }

    /** Safety recommendations for the district (its own, then the city-wide ones). */
    public List<?> recommendations(long districtId, String code) {
        return peopleAndPlaces.recommendations(code);
    }
}
