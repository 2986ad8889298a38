package cz.safecity.platform.time;

import cz.safecity.platform.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * "Now" for business rules: deadlines, escalation, retention, survey and registration windows. Modules ask it
 * instead of {@code Instant.now()} so that a test can move one city's time forward (a per-city offset) rather than
 * sleep. Offsets exist only where {@code safecity.test-clock.enabled=true} (the local stack and tests; never in
 * production) and only in this instance's memory: a test that moves time talks to one instance.
 */
@ApplicationScoped
public class PlatformClock {

    @Inject
    @ConfigProperty(name = "safecity.test-clock.enabled", defaultValue = "false")
    boolean enabled;

    private final Map<String, Duration> offsets = new ConcurrentHashMap<>();

    /** The real current instant (UTC), for timestamps that no test needs to move (audit, created-at). */
    public Instant now() {
        return Instant.now();
    }

    /** The current instant for {@code city}'s business rules: real time plus the city's test offset, if any. */
    public Instant now(TenantId city) {
        Duration offset = offsets.get(city.slug());
        return offset == null ? Instant.now() : Instant.now().plus(offset);
    }

    /** A {@link Clock} in {@code zone} that follows {@link #now(TenantId)} for {@code city}. */
    public Clock clock(TenantId city, ZoneId zone) {
        Duration offset = offsets.getOrDefault(city.slug(), Duration.ZERO);
        return Clock.offset(Clock.system(zone), offset);
    }

    /** The city's current test offset (zero when none). */
    public Duration offset(TenantId city) {
        return offsets.getOrDefault(city.slug(), Duration.ZERO);
    }

    /** Whether offsets may be set on this instance ({@code safecity.test-clock.enabled}). */
    public boolean adjustable() {
        return enabled;
    }

    /**
     * Sets {@code city}'s offset from real time (zero removes it).
     *
     * @throws IllegalStateException when the test clock is not enabled on this instance
     */
    public void setOffset(TenantId city, Duration offset) {
        if (!enabled) {
            throw new IllegalStateException("the test clock is disabled (safecity.test-clock.enabled=false)");
        }
        if (offset.isZero()) {
            offsets.remove(city.slug());
        } else {
            offsets.put(city.slug(), offset);
        }
    }

    /** Forgets the offset of a removed city. */
    public void forget(TenantId city) {
        offsets.remove(city.slug());
    }
}
