package cz.safecity.platform.module;

import cz.safecity.platform.cache.ReadCache;
import cz.safecity.platform.cache.ReadCaches;
import cz.safecity.platform.event.ModuleToggled;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantId;
import jakarta.annotation.PostConstruct;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modules deployed in this EAR and their per-city enablement and settings ({@code platform_tenant_module}).
 * {@link #isEnabled} and {@link #settings} — asked on every city-scoped request — are answered from a short-lived
 * cache per (city, module) ({@link ReadCaches}, {@code safecity.cache.ttl}, default 2 s) without a transaction:
 * a {@link #toggle} on this instance is seen here at once, one on another instance sharing the database within the
 * time to live. {@link #state} reads the database.
 */
@ApplicationScoped
public class ModuleRegistry {

    /** Most (city, module) states kept in memory. */
    static final long MAX_CACHED = 10_000;

    private record Key(String city, String module) {
    }

    /** What is cached per (city, module): enabled, and the effective settings (unmodifiable, in schema order). */
    private record Cached(boolean enabled, Map<String, Object> settings) {
    }

    @Inject
    Instance<CityModule> discovered;
    @PersistenceContext(unitName = "platform")
    EntityManager em;
    @Inject
    Event<ModuleToggled> toggled;
    @Inject
    ReadCaches caches;
    @Inject
    Instance<ModuleRegistry> self;

    private ReadCache<Key, Cached> states;

    @PostConstruct
    void init() {
        states = caches.create("module-states", MAX_CACHED);
    }

    /** All deployed modules, sorted by id. */
    public List<CityModule> modules() {
        return discovered.stream().sorted(Comparator.comparing(CityModule::id)).toList();
    }

    public Optional<CityModule> module(String id) {
        return modules().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * Whether {@code moduleId} is enabled for {@code city}; missing rows are disabled. Cached (see the class
     * comment).
     */
    public boolean isEnabled(TenantId city, String moduleId) {
        return cached(city, moduleId).enabled();
    }

    /** The city's row for a module, if it was ever enabled or disabled (read from the database, managed in a tx). */
    @Transactional
    public Optional<TenantModule> state(TenantId city, String moduleId) {
        return Optional.ofNullable(em.find(TenantModule.class, new TenantModule.Key(city.slug(), moduleId)));
    }

    /**
     * Effective settings: defaults overlaid with the city's stored values, in the order of the module's schema.
     * Cached (see the class comment); the map is unmodifiable.
     */
    public Map<String, Object> settings(TenantId city, CityModule module) {
        return cached(city, module.id()).settings();
    }

    private Cached cached(TenantId city, String moduleId) {
        return states.get(new Key(city.slug(), moduleId), k -> {
            // through the bean's proxy, so that the read runs in a transaction also on a job or observer thread
            // (outside one, a miss there failed with a closed EntityManager / null database session)
            TenantModule row = self.get().state(city, k.module()).orElse(null);
            Map<String, Object> settings = module(k.module()).map(m -> effective(m, row)).orElse(Map.of());
            return new Cached(row != null && row.enabled(), settings);
        });
    }

    /**
     * Forgets the cached states of every module of {@code city} now and when the current transaction ends (after its
     * rows were deleted by offboarding).
     */
    public void forget(TenantId city) {
        String slug = city.slug();
        caches.afterWrite(() -> states.invalidateIf(k -> k.city().equals(slug)));
    }

    /** Defaults of {@code module} overlaid with the values stored in {@code row} (null: defaults only). */
    private static Map<String, Object> effective(CityModule module, TenantModule row) {
        Map<String, Object> values = new LinkedHashMap<>();
        module.settings().forEach(s -> values.put(s.key(), s.defaultValue()));
        if (row != null) {
            JsonObject stored = Json.createReader(new StringReader(row.settingsJson())).readObject();
            for (Setting s : module.settings()) {
                if (stored.containsKey(s.key())) {
                    values.put(s.key(), fromJson(stored.get(s.key())));
                }
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * Enables or disables a module for a city, validating settings against the module's schema. Forgets the cached
     * state of (city, module) now and when the transaction ends.
     *
     * @param settings new values by key (may be empty; unknown keys → 400 naming the field)
     * @param actor    person id of whoever did it (audit)
     * @throws ProblemException 404 for an unknown module id, 400 for a bad setting
     */
    @Transactional
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
        Map<String, Object> effective = effective(module, row);
        em.flush();
        Key key = new Key(city.slug(), moduleId);
        caches.afterWrite(() -> states.invalidate(key));
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
