package cz.safecity.web.boundary;

import cz.safecity.platform.tenant.Tenant;
import java.util.List;
import java.util.Locale;

/** A city as the API shows it; {@code createdAt} is ISO 8601 UTC. */
public record CityView(String slug, String name, String municipalityCode, Integer population, String timeZone,
                       String defaultLocale, List<String> locales, String createdAt) {

    public static CityView of(Tenant t) {
        return new CityView(t.slug(), t.name(), t.municipalityCode(), t.population(), t.zone().getId(),
                t.defaultLocale().toLanguageTag(), t.locales().stream().map(Locale::toLanguageTag).toList(),
                t.createdAt().toString());
    }
}
