package cz.safecity.districts.entity;

/**
 * A recommendation as the API shows it (public).
 *
 * @param id       id
 * @param district district code, or null for a city-wide recommendation
 * @param locale   BCP 47 tag it is written in
 * @param position order within its list (ascending)
 * @param title    heading or null
 * @param text     plain text
 */
public record RecommendationView(long id, String district, String locale, int position, String title, String text) {

    public static RecommendationView of(Recommendation r) {
        return new RecommendationView(r.id(), r.districtCode(), r.locale(), r.position(), r.title(), r.text());
    }
}
