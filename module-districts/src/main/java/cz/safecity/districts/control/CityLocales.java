package cz.safecity.districts.control;

import cz.safecity.platform.problem.ProblemException;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/**
 * Matching BCP 47 tags against the locales a city publishes in ({@code Tenant.locales()}, default first).
 */
public final class CityLocales {

    private CityLocales() {
    }

    /**
     * The city locale a stored text is written in: {@code tag} must name one of the city's locales exactly (case
     * does not matter).
     *
     * @return the city's spelling of the tag, e.g. {@code cs}
     * @throws ProblemException 400 naming {@code field} for a malformed tag or one the city does not publish in
     */
    public static String require(List<Locale> city, String tag, String field) {
        Locale asked = parse(tag, field);
        return city.stream().filter(l -> l.toLanguageTag().equalsIgnoreCase(asked.toLanguageTag()))
                .map(Locale::toLanguageTag).findFirst()
                .orElseThrow(() -> notPublished(city, tag, field));
    }

    /**
     * The city locale to answer in for a requested {@code lang}: null → the city's default; an exact match; else a
     * city locale with the same language (e.g. {@code en-GB} → {@code en}, {@code cs} → {@code cs-CZ}).
     *
     * @throws ProblemException 400 naming {@code field} for a malformed tag or a language the city does not publish in
     */
    public static String choose(List<Locale> city, String lang, String field) {
        if (lang == null || lang.isBlank()) {
            return city.get(0).toLanguageTag();
        }
        Locale asked = parse(lang, field);
        return city.stream().filter(l -> l.toLanguageTag().equalsIgnoreCase(asked.toLanguageTag())).findFirst()
                .or(() -> city.stream().filter(l -> l.getLanguage().equals(asked.getLanguage())).findFirst())
                .map(Locale::toLanguageTag)
                .orElseThrow(() -> notPublished(city, lang, field));
    }

    private static Locale parse(String tag, String field) {
        try {
            Locale l = new Locale.Builder().setLanguageTag(tag).build();
            if (l.getLanguage().isEmpty()) {
                throw ProblemException.invalid(field, "'" + tag + "' is not a BCP 47 language tag");
            }
            return l;
        } catch (IllformedLocaleException e) {
            throw ProblemException.invalid(field, "'" + tag + "' is not a BCP 47 language tag");
        }
    }

    private static ProblemException notPublished(List<Locale> city, String tag, String field) {
        return ProblemException.invalid(field, "the city does not publish in '" + tag + "'; its locales are "
                + String.join(", ", city.stream().map(Locale::toLanguageTag).toList()));
    }
}
