package cz.safecity.districts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * The parts of a district card that other features of the module contribute: working-group members, police
 * stations and info boxes, recommendations — JSON-B-serialisable records in unmodifiable lists. Filled by
 * {@link CardPeopleAndPlaces} (tables of migrations V10–V12, keyed by district code; the card's {@code at} and
 * {@code lang} query parameters select the day and the language) and cached for all districts of the city per (city,
 * boundary version, day, locale) in {@link DistrictsCache}: the steady state reads no database, and the module's
 * writes of working groups, contact points and recommendations forget the city's entries.
 */
@ApplicationScoped
public class DistrictCardParts {

    @Inject
    CardPeopleAndPlaces peopleAndPlaces;
    @Inject
    DistrictsCache cached;

    /**
     * The parts of the card of a district of the current city.
     *
     * @param districtId the district row id (the district as drawn in one boundary version)
     * @param code       its code (stable across versions)
     * @param versionId  its boundary version id
     * @throws cz.safecity.platform.problem.ProblemException 400 naming {@code lang} for a language the city does not
     *                                                       publish in
     */
    public DistrictsCache.CardParts of(long districtId, String code, long versionId) {
        LocalDate day = peopleAndPlaces.day();
        String locale = peopleAndPlaces.locale();
        return cached.cardParts(versionId, code, day, locale, () -> peopleAndPlaces.load(day, locale));
    }

    /**
     * The parts of the cards of all districts of boundary version {@code versionId} of the current city, on the
     * request's day in its language (as {@link #of}), with the cards rendered from them so far.
     */
    public DistrictsCache.CityCardParts ofCity(long versionId) {
        LocalDate day = peopleAndPlaces.day();
        String locale = peopleAndPlaces.locale();
        return cached.cityCardParts(versionId, day, locale, () -> peopleAndPlaces.load(day, locale));
    }
}
