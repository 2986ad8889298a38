package cz.safecity.districts.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/cities/{city}/districts/provisional}.
 *
 * @param districts    how many districts, 1–5000 (Sokolov 9, Plzeň 64)
 * @param boroughs     how many boroughs to group them in, 0–500, ≤ districts (Plzeň 10); default 0
 * @param seed         random seed, default 1 (same seed and outline → same districts)
 * @param validFrom    ISO date in the city's zone, default today
 * @param districtName name template, {@code {n}} = district number; default {@code Okrsek {n}}
 * @param boroughName  borough name template, {@code {n}} = borough number; default {@code Obvod {n}}
 */
public record ProvisionalRequest(@NotNull @Min(1) @Max(5000) Integer districts, @Min(0) @Max(500) Integer boroughs,
                                 Long seed, @Size(max = 10) String validFrom,
                                 @Size(min = 1, max = 100) String districtName,
                                 @Size(min = 1, max = 100) String boroughName) {
}
