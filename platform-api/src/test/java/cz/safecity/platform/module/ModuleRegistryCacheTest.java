package cz.safecity.platform.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.platform.cache.ReadCaches;
import cz.safecity.platform.cache.SharedDatabase;
import cz.safecity.platform.event.ModuleToggled;
import cz.safecity.platform.tenant.TenantId;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ModuleRegistry}'s cache of enablement and settings. Two registries over one {@link SharedDatabase} stand
 * for two Payara instances; time passes on a test clock, so nothing here waits or measures time.
 */
class ModuleRegistryCacheTest {

    static final TenantId PRAHA = new TenantId("praha");
    static final TenantId PLZEN = new TenantId("plzen");

    static final CityModule DEMO = new CityModule() {
        @Override
        public String id() {
            return "demo";
        }

        @Override
        public String title() {
            return "Demo";
        }

        @Override
        public Set<Action> actions() {
            return Set.of();
        }

        @Override
        public List<Setting> settings() {
            return List.of(Setting.integer("radius", 25), Setting.bool("public", true));
        }

        @Override
        public List<Indicator> indicators() {
            return List.of();
        }
    };

    private final SharedDatabase db = new SharedDatabase(row -> {
        TenantModule m = (TenantModule) row;
        return new TenantModule.Key(m.tenant(), m.module());
    });
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @SuppressWarnings("unchecked")
    private ModuleRegistry instance(Duration ttl) {
        ModuleRegistry r = new ModuleRegistry();
        r.em = db.entityManager();
        r.caches = ReadCaches.of(ttl, clock::get);
        r.discovered = (Instance<CityModule>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "stream" -> Stream.of(DEMO);
                    case "iterator" -> List.of(DEMO).iterator();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        r.toggled = (Event<ModuleToggled>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Event.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "fireAsync" -> CompletableFuture.completedFuture(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        r.self = (Instance<ModuleRegistry>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> r;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        r.init();
        return r;
    }

    @Test
    void aToggleIsSeenAtOnceOnTheInstanceThatMadeIt() {
        ModuleRegistry registry = instance(Duration.ofMinutes(10));
        assertFalse(registry.isEnabled(PRAHA, "demo"), "no row yet: disabled (and now cached)");
        assertEquals(Map.of("radius", 25, "public", true), registry.settings(PRAHA, DEMO));

        registry.toggle(PRAHA, "demo", true, Map.of("radius", 40), "admin");
        assertTrue(registry.isEnabled(PRAHA, "demo"));
        assertEquals(40L, registry.settings(PRAHA, DEMO).get("radius"));
        assertFalse(registry.isEnabled(PLZEN, "demo"), "another city's state is its own");

        registry.toggle(PRAHA, "demo", false, Map.of(), "admin");
        assertFalse(registry.isEnabled(PRAHA, "demo"));
        assertEquals(25, registry.settings(PRAHA, DEMO).get("radius"));
    }

    @Test
    void steadyStateReadsNoDatabase() {
        ModuleRegistry registry = instance(Duration.ofSeconds(2));
        registry.toggle(PRAHA, "demo", true, Map.of(), "admin");
        registry.isEnabled(PRAHA, "demo");
        int finds = db.finds();
        for (int i = 0; i < 100; i++) {
            assertTrue(registry.isEnabled(PRAHA, "demo"));
            assertEquals(25, registry.settings(PRAHA, DEMO).get("radius"));
        }
        assertEquals(finds, db.finds());
    }

    @Test
    void anotherInstanceSeesTheWriteWithinTheTimeToLive() {
        ModuleRegistry a = instance(Duration.ofSeconds(2));
        ModuleRegistry b = instance(Duration.ofSeconds(2));
        assertFalse(b.isEnabled(PRAHA, "demo"));

        a.toggle(PRAHA, "demo", true, Map.of("radius", 40), "admin");
        assertTrue(a.isEnabled(PRAHA, "demo"));
        assertFalse(b.isEnabled(PRAHA, "demo"), "b answers from its cache until the entry expires");

        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertTrue(b.isEnabled(PRAHA, "demo"));
        assertEquals(40L, b.settings(PRAHA, DEMO).get("radius"));
    }

    @Test
    void cachedSettingsCannotBeChangedByCallers() {
        ModuleRegistry registry = instance(Duration.ofSeconds(2));
        Map<String, Object> settings = registry.settings(PRAHA, DEMO);
        assertThrows(UnsupportedOperationException.class, () -> settings.put("radius", 1));
    }
}
