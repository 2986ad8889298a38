package cz.safecity.platform.cache;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the platform's {@link ReadCache}s with the configured time to live and runs invalidations after writes.
 *
 * <p>MicroProfile Config key {@value #TTL_KEY}: ISO 8601 duration, default {@code PT2S}; {@code PT0S} turns caching
 * off. It is the longest time another instance may answer with data older than a write made on this one.
 */
@ApplicationScoped
public class ReadCaches {

    /** Config key of the time to live. */
    public static final String TTL_KEY = "safecity.cache.ttl";
    /** Default time to live: 2 s. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(ReadCaches.class.getName());

    @Inject
    @ConfigProperty(name = TTL_KEY, defaultValue = "PT2S")
    String ttlText;
    @Resource
    TransactionSynchronizationRegistry transactions;

    private volatile Duration ttl;
    private LongSupplier nanos;

    /** For tests and code outside the container: fixed time to live, invalidations run at once only. */
    public static ReadCaches of(Duration ttl) {
        return of(ttl, null);
    }

    /** As {@link #of(Duration)}, with the clock expiry reads (nanoseconds; tests let time pass without waiting). */
    public static ReadCaches of(Duration ttl, LongSupplier nanos) {
        ReadCaches caches = new ReadCaches();
        caches.ttl = ttl;
        caches.nanos = nanos;
        return caches;
    }

    @PostConstruct
    void report() {
        LOG.info("read caches: time to live " + ttl() + " (" + TTL_KEY + ")" + (transactions == null
                ? "; no TransactionSynchronizationRegistry: invalidations run only when a write is made" : ""));
    }

    /** The configured time to live ({@value #TTL_KEY}); the default when the value is not an ISO 8601 duration. */
    public Duration ttl() {
        Duration t = ttl;
        if (t == null) {
            t = parse(ttlText);
            ttl = t;
        }
        return t;
    }

    /** A new cache with the configured time to live holding at most {@code maximumSize} entries. */
    public <K, V> ReadCache<K, V> create(String name, long maximumSize) {
        return ReadCache.create(name, ttl(), maximumSize, nanos);
    }

    /**
     * Runs {@code invalidation} now and, inside a JTA transaction, again when that transaction has completed
     * (committed or rolled back). Now: later reads of this request and of other requests no longer get the old value.
     * Again after completion: whatever a read loaded while the transaction was open — the old committed data, or this
     * transaction's own uncommitted data — is dropped, so that every read starting after the commit sees the write.
     */
    public void afterWrite(Runnable invalidation) {
        invalidation.run();
        TransactionSynchronizationRegistry tx = transactions;
        if (tx == null || tx.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return;
        }
        try {
            tx.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    invalidation.run();
                }
            });
        } catch (IllegalStateException e) {
            // the transaction is already completing or marked for rollback: the invalidation above is all there is
            LOG.log(Level.FINE, "no after-completion invalidation: " + e.getMessage());
        }
    }

    static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_TTL;
        }
        try {
            Duration d = Duration.parse(text.strip());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            LOG.warning(TTL_KEY + "='" + text + "' is not an ISO 8601 duration (e.g. PT2S); using " + DEFAULT_TTL);
            return DEFAULT_TTL;
        }
    }
}
