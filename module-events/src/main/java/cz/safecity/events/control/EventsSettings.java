package cz.safecity.events.control;

import cz.safecity.events.EventsModule;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The events module's per-city settings (cached by the platform's {@link ModuleRegistry}). */
@ApplicationScoped
public class EventsSettings {

    @Inject
    ModuleRegistry registry;
    @Inject
    EventsModule module;

    /**
     * Whether the module is enabled for {@code city}; in a transaction, so that a cache miss can read the platform's
     * table also from a thread without a request (async observers, jobs).
     */
    @Transactional
    public boolean enabled(TenantId city) {
        return registry.isEnabled(city, EventsModule.ID);
    }

    /** Most occurrences a series may have ({@code maxOccurrences}). */
    public int maxOccurrences(TenantId city) {
        return number(city, EventsModule.MAX_OCCURRENCES);
    }

    /** Years within which an open-ended rule's occurrences are counted ({@code seriesHorizonYears}). */
    public int horizonYears(TenantId city) {
        return number(city, EventsModule.SERIES_HORIZON_YEARS);
    }

    /** Days after a public meeting when registrants' personal data is erased ({@code registrantRetentionDays}). */
    public int retentionDays(TenantId city) {
        return number(city, EventsModule.REGISTRANT_RETENTION_DAYS);
    }

    private int number(TenantId city, String key) {
        Object v = registry.settings(city, module).get(key);
        return v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v));
    }
}
