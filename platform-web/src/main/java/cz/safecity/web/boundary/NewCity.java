package cz.safecity.web.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/cities}.
 *
 * @param slug             URL slug and Keycloak Organization alias, e.g. {@code plzen}
 * @param name             display name, e.g. {@code Plzeň}
 * @param municipalityCode Czech municipality code (ZÚJ), 6 digits, optional
 * @param population       inhabitants, optional
 * @param timeZone         IANA zone, default {@code Europe/Prague}
 * @param locales          BCP 47 tags, default locale first; default {@code [cs]}
 */
public record NewCity(
        @NotBlank @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])",
                message = "2–40 lower-case letters, digits or inner hyphens") String slug,
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "\\d{6}", message = "six digits (ZÚJ)") String municipalityCode,
        @PositiveOrZero Integer population,
        @Size(max = 64) String timeZone,
        @Size(max = 10) List<@NotBlank @Size(max = 20) String> locales) {
}
