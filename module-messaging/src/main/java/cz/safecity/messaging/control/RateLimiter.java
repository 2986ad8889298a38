package cz.safecity.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Fixed-window rate limit of anonymous submissions per city and client address, with the counter in PostgreSQL
 * ({@code messaging_rate}, one atomic upsert per call), so the limit holds across instances. Runs in the submission's
 * transaction: one commit per submission; an attempt counts when the submission commits.
 */
@ApplicationScoped
public class RateLimiter {

    /** Length of the window. */
    public static final Duration WINDOW = Duration.ofHours(1);

    @PersistenceContext(unitName = "messaging")
    EntityManager em;

    /**
     * Counts one attempt of {@code client} in {@code city}.
     *
     * @param limit attempts allowed per {@link #WINDOW} (0 or less: unlimited, nothing counted)
     * @return empty when allowed, else the seconds until the window ends (for {@code Retry-After})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalLong attempt(String city, String client, int limit, Instant now) {
        if (limit <= 0) {
            return OptionalLong.empty();
        }
        Timestamp ts = Timestamp.from(now);
        Timestamp expired = Timestamp.from(now.minus(WINDOW));
        Object[] row = (Object[]) em.createNativeQuery("insert into messaging_rate (tenant_id, client, window_start, "
                        + "count) values (?1, ?2, ?3, 1) on conflict (tenant_id, client) do update set "
                        + "count = case when messaging_rate.window_start <= ?4 then 1 "
                        + "else messaging_rate.count + 1 end, "
                        + "window_start = case when messaging_rate.window_start <= ?4 then ?3 "
                        + "else messaging_rate.window_start end returning count, window_start")
                .setParameter(1, city).setParameter(2, client).setParameter(3, ts).setParameter(4, expired)
                .getSingleResult();
        int count = ((Number) row[0]).intValue();
        if (count <= limit) {
            return OptionalLong.empty();
        }
        Instant start = ((Timestamp) row[1]).toInstant();
        long seconds = Duration.between(now, start.plus(WINDOW)).toSeconds();
        return OptionalLong.of(Math.max(1, seconds));
    }

    /** Removes the city's counters (offboarding). */
    @Transactional
    public int purge(String city) {
        return em.createNativeQuery("delete from messaging_rate where tenant_id = ?1").setParameter(1, city)
                .executeUpdate();
    }
}
