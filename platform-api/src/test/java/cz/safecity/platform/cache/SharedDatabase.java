package cz.safecity.platform.cache;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * For unit tests of cached stores: a "database" of rows by primary key that several stores (standing for several
 * Payara instances) share, and {@link EntityManager}s over it that know {@code find}, {@code persist} and
 * {@code flush} (anything else throws). Counts the finds, i.e. the round trips a real database would see.
 */
public final class SharedDatabase {

    private final Map<Object, Object> rows = new ConcurrentHashMap<>();
    private final Function<Object, Object> primaryKey;
    private final AtomicInteger finds = new AtomicInteger();

    /** @param primaryKey the key {@code find} is called with, of an entity passed to {@code persist} */
    public SharedDatabase(Function<Object, Object> primaryKey) {
        this.primaryKey = primaryKey;
    }

    /** How many times any entity manager over this database called {@code find}. */
    public int finds() {
        return finds.get();
    }

    /** Puts a row as if another process had written it. */
    public void put(Object entity) {
        rows.put(primaryKey.apply(entity), entity);
    }

    /** A new entity manager over this database (what one instance's persistence unit would use). */
    public EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EntityManager.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> {
                        finds.incrementAndGet();
                        yield ((Class<?>) args[0]).cast(rows.get(args[1]));
                    }
                    case "persist" -> {
                        put(args[0]);
                        yield null;
                    }
                    case "flush", "setProperty" -> null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "EntityManager over a SharedDatabase";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
