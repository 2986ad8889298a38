package cz.safecity.platform.module;

import cz.safecity.platform.tenant.TenantId;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Manifest of a pluggable module, modelled on a Decidim component manifest. One {@code @ApplicationScoped}
 * implementation per module; the platform finds it with CDI {@code Instance<CityModule>}.
 */
public interface CityModule {

    /** Stable id, lower-case, also the prefix of the module's tables, e.g. {@code districts}. */
    String id();

    /** Human title (English). */
    String title();

    /** What roles may do in this module (documented permissions, checked by the resources' role declarations). */
    Set<Action> actions();

    /** Per-city settings with defaults; stored in {@code platform_tenant_module.settings} (jsonb). */
    List<Setting> settings();

    /** Statistics the module contributes to city comparisons. */
    List<Indicator> indicators();

    /**
     * Current values of this module's {@link #indicators()} in {@code city}, by indicator key (missing keys are
     * shown as unknown). Called inside a request for that city, so the module's stores see its data; keep it cheap
     * (counts, not scans). Default: none.
     */
    default Map<String, Number> measure(TenantId city) {
        return Map.of();
    }

    /**
     * Values of this module's {@link #indicators()} in {@code city} for the months {@code from}..{@code to} (both
     * included, in the city's zone), by indicator key; missing keys are unknown. Used by the cross-city comparison,
     * which calls it once per city: keep it to a few aggregate queries. Works without an HTTP request. Default: none.
     */
    default Map<String, Number> measure(TenantId city, YearMonth from, YearMonth to) {
        return Map.of();
    }

    /**
     * Offboarding, dry run: how many rows of each of this module's tables belong to {@code city}
     * (table name → row count), i.e. what {@link #offboard} would remove. Default: nothing.
     */
    default Map<String, Long> offboardPreview(TenantId city) {
        return Map.of();
    }

    /**
     * Offboarding: removes every row of {@code city} from this module's tables (children before parents). Runs
     * inside the offboarding transaction with no HTTP request; must be idempotent (a retry after a crash runs it
     * again). Default: nothing to remove.
     */
    default void offboard(TenantId city) {
    }

    /**
     * Flyway location of the module's own migrations, e.g. {@code classpath:db/migration/districts}. Each module
     * keeps its own history table {@code <id>_schema_history}.
     */
    default String migrations() {
        return "classpath:db/migration/" + id();
    }

    /** Whether a newly onboarded city gets this module switched on. */
    default boolean enabledByDefault() {
        return true;
    }

    /** Hook: the module was enabled for {@code city} (create defaults). Runs inside the enabling transaction. */
    default void enabled(TenantId city, Map<String, Object> settings) {
    }

    /** Hook: the module was disabled for {@code city}. Data stays; endpoints answer 404 until re-enabled. */
    default void disabled(TenantId city) {
    }
}
