package cz.safecity.web.control;

import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.event.CityOnboarded;
import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantDirectory;
import cz.safecity.platform.tenant.TenantId;
import cz.safecity.web.boundary.NewCity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Onboards a city: provisions its Keycloak Organization and role groups (idempotent, first, so that a failure
 * there leaves no half-made city), stores it, enables the modules that are on by default, records the action.
 */
@ApplicationScoped
public class CityOnboarding {

    @Inject
    TenantDirectory directory;
    @Inject
    TenantContext tenantContext;
    @Inject
    ModuleRegistry modules;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    KeycloakProvisioner keycloak;
    @Inject
    AdminAudit adminAudit;
    @Inject
    Event<CityOnboarded> onboarded;

    /**
     * @throws ProblemException 409 when the slug exists, 400 for an unknown time zone or locale, 502 when
     *                          Keycloak cannot be reached
     */
    @Transactional
    public Tenant onboard(NewCity request) {
        if (directory.findInDatabase(request.slug()).isPresent()) {
            throw ProblemException.conflict("City '" + request.slug() + "' already exists.", "slug");
        }
        ZoneId zone = zone(request.timeZone());
        List<Locale> locales = locales(request.locales());
        TenantId id = new TenantId(request.slug());
        keycloak.provisionCity(id, request.name());
        Tenant tenant = new Tenant(id, request.name().strip(), zone, locales, request.municipalityCode(),
                request.population(), Instant.now(), caller.personId());
        directory.add(tenant);
        tenantContext.enter(tenant);
        for (CityModule m : modules.modules()) {
            if (m.enabledByDefault()) {
                modules.toggle(id, m.id(), true, Map.of(), caller.personId());
            }
        }
        audit.record("platform.city.onboarded", "city", id.slug(), request.name());
        adminAudit.record("platform.city.onboarded", id.slug(), request.name());
        onboarded.fireAsync(new CityOnboarded(id, tenant.name(), tenant.createdAt(), caller.personId()));
        return tenant;
    }

    private static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            return ZoneId.of("Europe/Prague");
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "not an IANA time zone: " + value);
        }
    }

    private static List<Locale> locales(List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of(Locale.forLanguageTag("cs"));
        }
        try {
            return values.stream().map(v -> new Locale.Builder().setLanguageTag(v).build()).toList();
        } catch (IllformedLocaleException e) {
            throw ProblemException.invalid("locales", "not a BCP 47 language tag: " + e.getMessage());
        }
    }
}
