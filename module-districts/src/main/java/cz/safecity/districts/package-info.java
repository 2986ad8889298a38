/**
 * The districts module: a city's hierarchy (levels, boroughs), its municipal outline and its versioned police
 * district boundaries (okrsky), with import from GeoJSON, provisional generation, point location and the public
 * district card. Manifest: {@link cz.safecity.districts.DistrictsModule}.
 */
package cz.safecity.districts;
