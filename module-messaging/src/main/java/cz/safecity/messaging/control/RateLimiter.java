package cz.safecity.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;

/**
 * Fixed-window rate limit of anonymous submissions per city and client address, with the counter in PostgreSQL
 * ({@code messaging_rate}), so the limit holds across instances. The count is an atomic upsert inside the
 * submission's own insert statement ({@link MatterInsert}): an attempt counts when the submission commits.
 */
@ApplicationScoped
public class RateLimiter {

    /** Length of the window. */
    public static final Duration WINDOW = Duration.ofHours(1);

    @PersistenceContext(unitName = "messaging")
    EntityManager em;

    /** Removes the city's counters (offboarding). */
    @Transactional
    public int purge(String city) {
        return em.createNativeQuery("delete from messaging_rate where tenant_id = ?1").setParameter(1, city)
                .executeUpdate();
    }
}
