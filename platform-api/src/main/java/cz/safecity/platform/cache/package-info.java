/**
 * Short-lived in-memory caches of read-mostly data that several Payara instances share through PostgreSQL (cities,
 * module enablement and settings, a module's hot read paths), so that steady-state reads hit no database.
 * {@link cz.safecity.platform.cache.ReadCache} is one cache (Caffeine, expire after write);
 * {@link cz.safecity.platform.cache.ReadCaches} makes them with the configured time to live
 * ({@code safecity.cache.ttl}, default {@code PT2S}) and invalidates after writes. Consistency: a write is seen at
 * once by the instance that made it (invalidated when it is made and again when its transaction completes); other
 * instances see it within the time to live (bounded staleness, no messages between instances).
 */
package cz.safecity.platform.cache;
