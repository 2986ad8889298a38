package cz.safecity.platform.event;

import cz.safecity.platform.tenant.TenantId;
import java.time.Instant;

/** A city was removed from the platform with all its data, by {@code actor} (person id) at {@code at} (UTC). */
public record CityOffboarded(TenantId tenant, Instant at, String actor) {
}
