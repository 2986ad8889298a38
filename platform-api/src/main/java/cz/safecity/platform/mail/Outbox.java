package cz.safecity.platform.mail;

import cz.safecity.platform.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;

/**
 * Queues a plain-text e-mail for delivery. The row joins the caller's JTA transaction: it is delivered only if the
 * caller commits, and enqueueing never talks to the SMTP server (delivery happens later in {@link MailSender}).
 */
@ApplicationScoped
@Transactional
public class Outbox {

    /** Longest accepted recipient address (RFC 5321: 64 + 1 + 255). */
    public static final int MAX_RECIPIENT = 320;

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    /**
     * Adds a mail to the outbox in the current transaction (a new one when there is none).
     *
     * @param city     the city on whose behalf the mail is sent (offboarding removes its rows)
     * @param to       one recipient address, e.g. {@code jana@example.org}; a malformed one fails at delivery
     *                 (status {@code failed}), not here
     * @param subject  subject line (any Unicode)
     * @param textBody plain-text body (UTF-8)
     * @return the outbox row id
     * @throws IllegalArgumentException when an argument is null or {@code to} is blank or longer than 320 characters
     */
    public long enqueue(TenantId city, String to, String subject, String textBody) {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        if (to == null || to.isBlank() || to.length() > MAX_RECIPIENT) {
            throw new IllegalArgumentException("recipient must be 1-" + MAX_RECIPIENT + " characters");
        }
        Timestamp now = Timestamp.from(Instant.now());
        Object id = em.createNativeQuery("insert into platform_mail_outbox (tenant_id, recipient, subject, body, "
                        + "status, attempts, next_attempt_at, created_at) values (?, ?, ?, ?, 'pending', 0, ?, ?) returning id")
                .setParameter(1, city.slug()).setParameter(2, to.strip()).setParameter(3, subject)
                .setParameter(4, textBody).setParameter(5, now).setParameter(6, now)
                .getSingleResult();
        return ((Number) id).longValue();
    }

    /**
     * Removes every outbox row of {@code city} (sent or not), for offboarding. Idempotent.
     *
     * @return rows removed
     */
    public int purge(TenantId city) {
        return em.createNativeQuery("delete from platform_mail_outbox where tenant_id = ?")
                .setParameter(1, city.slug()).executeUpdate();
    }

    /** Rows of {@code city} in the outbox (for an offboarding preview). */
    public long count(TenantId city) {
        return ((Number) em.createNativeQuery("select count(*) from platform_mail_outbox where tenant_id = ?")
                .setParameter(1, city.slug()).getSingleResult()).longValue();
    }
}
