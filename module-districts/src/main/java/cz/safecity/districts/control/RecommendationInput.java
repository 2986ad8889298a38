package cz.safecity.districts.control;

import cz.safecity.platform.json.Inputs;
import cz.safecity.platform.problem.ProblemException;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code POST/PUT /api/cities/{city}/recommendations[/{id}]}, validated (PUT replaces every field):
 * <pre>{
 *   "district": "P3-07",     // district code; absent or null = city-wide
 *   "locale": "cs",          // one of the city's locales; default the city's default locale
 *   "position": 10,          // order in its list, 0–1000000; default after the last one
 *   "title": "Kola",         // ≤ 200
 *   "text": "Zamykejte kolo k pevnému stojanu."   // required, ≤ 4000, plain text stored as sent
 * }</pre>
 * Errors: 400 naming the field.
 *
 * @param district code or null (city-wide)
 * @param locale   the city's tag
 * @param position explicit position, or null = append
 * @param title    or null
 * @param text     the recommendation
 */
public record RecommendationInput(String district, String locale, Integer position, String title, String text) {

    /** Highest accepted position. */
    public static final int MAX_POSITION = 1_000_000;

    /** @param cityLocales the city's locales, default first */
    public static RecommendationInput parse(JsonObject body, List<Locale> cityLocales) {
        Inputs in = Inputs.of(body);
        String district = in.text("district", 60);
        String tag = in.text("locale", 35);
        String locale = tag == null ? cityLocales.get(0).toLanguageTag()
                : CityLocales.require(cityLocales, tag, "locale");
        Integer position = in.integer("position", 0, MAX_POSITION);
        String title = in.text("title", 200);
        String text = in.requiredText("text", 4000);
        if (district != null && district.isBlank()) {
            throw ProblemException.invalid("district", "a district code or null");
        }
        return new RecommendationInput(district, locale, position, title, text);
    }
}
