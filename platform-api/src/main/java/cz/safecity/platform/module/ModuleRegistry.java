package cz.safecity.platform.module;

import cz.safecity.platform.event.ModuleToggled;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modules deployed in this EAR and their per-city enablement ({@code platform_tenant_module}). Reads the
 * database on every call (a primary-key lookup) so that all instances of a cluster agree without a cache.
 */
@ApplicationScoped
@Transactional
public class ModuleRegistry {

    @Inject
    Instance<CityModule> discovered;
    @PersistenceContext(unitName = "platform")
    EntityManager em;
    @Inject
    Event<ModuleToggled> toggled;

    /** All deployed modules, sorted by id. */
    public List<CityModule> modules() {
        return discovered.stream().sorted(Comparator.comparing(CityModule::id)).toList();
    }

    public Optional<CityModule> module(String id) {
        return modules().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Whether {@code moduleId} is enabled for {@code city}; unknown modules and missing rows are disabled. */
    public boolean isEnabled(TenantId city, String moduleId) {
        TenantModule row = em.find(TenantModule.class, new TenantModule.Key(city.slug(), moduleId));
        return row != null && row.enabled();
    }

    /** The city's row for a module, if it was ever enabled or disabled. */
    public Optional<TenantModule> state(TenantId city, String moduleId) {
        return Optional.ofNullable(em.find(TenantModule.class, new TenantModule.Key(city.slug(), moduleId)));
    }

    /** Effective settings: defaults overlaid with the city's stored values. */
    public Map<String, Object> settings(TenantId city, CityModule module) {
        Map<String, Object> values = new LinkedHashMap<>();
        module.settings().forEach(s -> values.put(s.key(), s.defaultValue()));
        state(city, module.id()).ifPresent(row -> {
            JsonObject stored = Json.createReader(new StringReader(row.settingsJson())).readObject();
            for (Setting s : module.settings()) {
                if (stored.containsKey(s.key())) {
                    values.put(s.key(), fromJson(stored.get(s.key())));
                }
            }
        });
        return values;
    }

    /**
     * Enables or disables a module for a city, validating settings against the module's schema.
     *
     * @param settings new values by key (may be empty; unknown keys → 400 naming the field)
     * @param actor    person id of whoever did it (audit)
     * @throws ProblemException 404 for an unknown module id, 400 for a bad setting
     */
    public TenantModule toggle(TenantId city, String moduleId, boolean enabled, Map<String, Object> settings,
                               String actor) {
        CityModule module = module(moduleId).orElseThrow(() -> new ProblemException(404, "unknown-module",
                "Unknown module", "No module '" + moduleId + "' is deployed.", "module"));
        JsonObject validated = validate(module, settings);
        TenantModule row = state(city, moduleId).orElse(null);
        if (row == null) {
            row = new TenantModule(city.slug(), moduleId);
            em.persist(row);
        }
        boolean was = row.enabled();
        row.change(enabled, validated.toString(), Instant.now(), actor);
        Map<String, Object> effective = settings(city, module);
        em.flush();
        if (enabled && !was) {
            module.enabled(city, effective);
        } else if (!enabled && was) {
            module.disabled(city);
        }
        if (enabled != was) {
            toggled.fireAsync(new ModuleToggled(city, moduleId, enabled, Instant.now(), actor));
        }
        return row;
    }

    private static JsonObject validate(CityModule module, Map<String, Object> values) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Setting s = module.settings().stream().filter(x -> x.key().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> ProblemException.invalid("settings." + e.getKey(),
                            "module '" + module.id() + "' has no setting '" + e.getKey() + "'"));
            Object v = e.getValue();
            String field = "settings." + s.key();
            switch (s.type()) {
                case INTEGER -> {
                    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                        throw ProblemException.invalid(field, "must be a whole number");
                    }
                    out.add(s.key(), n.longValue());
                }
                case BOOLEAN -> {
                    if (!(v instanceof Boolean b)) {
                        throw ProblemException.invalid(field, "must be true or false");
                    }
                    out.add(s.key(), b);
                }
                case STRING -> {
                    if (!(v instanceof String str)) {
                        throw ProblemException.invalid(field, "must be a string");
                    }
                    out.add(s.key(), str);
                }
                case DURATION -> {
                    try {
                        out.add(s.key(), Duration.parse(String.valueOf(v)).toString());
                    } catch (DateTimeParseException ex) {
                        throw ProblemException.invalid(field, "must be an ISO 8601 duration, e.g. PT48H");
                    }
                }
            }
        }
        return out.build();
    }

    private static Object fromJson(JsonValue v) {
        return switch (v.getValueType()) {
            case NUMBER -> ((JsonNumber) v).longValue();
            case STRING -> ((JsonString) v).getString();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> v.toString();
        };
    }
}
