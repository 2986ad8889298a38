package cz.safecity.platform.event;

import cz.safecity.platform.tenant.TenantId;
import java.time.Instant;

/** A module was enabled ({@code enabled=true}) or disabled for a city, by {@code actor} at {@code at} (UTC). */
public record ModuleToggled(TenantId tenant, String module, boolean enabled, Instant at, String actor) {
}
