package cz.safecity.platform.contract;

import cz.safecity.platform.tenant.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The districts of a city, as other modules need them; implemented by the districts module. Reads are served from
 * that module's in-memory indexes (no database round trip per call in the steady state), so a bulk import may call
 * {@link #locate} once per row. Works without an HTTP request; the caller passes the city.
 */
public interface DistrictDirectory {

    /**
     * The district in force on {@code on} (a date in the city's zone) containing the WGS84 point.
     *
     * @param lat latitude in degrees, -90..90
     * @param lon longitude in degrees, -180..180
     * @return empty when the point is outside every district, or the city has no boundaries in force on that date
     */
    Optional<DistrictAt> locate(TenantId city, double lat, double lon, LocalDate on);

    /**
     * For a bulk caller (an import): the city's districts as a {@link DistrictCodes} snapshot, which assigns a point on
     * a date without the container (no request context, transaction or database round trip per point). Computes no
     * near-boundary neighbours, so it costs less per point than {@link #locate}. The default asks {@link #locate}
     * per point, in the caller's context; the districts module answers from its in-memory indexes instead.
     */
    default DistrictCodes districtCodes(TenantId city) {
        return (lat, lon, on) -> locate(city, lat, lon, on).map(at -> at.district().code()).orElse(null);
    }

    /** The district with this code in force on {@code on}; empty when there is none. */
    Optional<DistrictRef> district(TenantId city, String code, LocalDate on);

    /** All districts in force on {@code on}, by code ascending; empty when the city has no boundaries then. */
    List<DistrictRef> districts(TenantId city, LocalDate on);

    /** The district's working group on {@code on} (police officer, constable, councillor; those assigned). */
    List<Person> workingGroup(TenantId city, String code, LocalDate on);
}
