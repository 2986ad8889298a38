package cz.safecity.platform.event;

import cz.safecity.platform.tenant.TenantId;
import java.time.Instant;

/** A city was created on the platform, by {@code actor} (person id) at {@code at} (UTC). */
public record CityOnboarded(TenantId tenant, String name, Instant at, String actor) {
}
