package cz.safecity.platform.mail;

import cz.safecity.platform.persistence.SafeCityDataSource;
import cz.safecity.platform.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Queues a plain-text e-mail for delivery. The row joins the caller's JTA transaction (a connection of
 * {@code jdbc/safecity} taken inside a transaction is enlisted in it): it is delivered only if the caller commits, and
 * enqueueing never talks to the SMTP server (delivery happens later in {@link MailSender}).
 */
@ApplicationScoped
@Transactional
public class Outbox {

    /** Longest accepted recipient address (RFC 5321: 64 + 1 + 255). */
    public static final int MAX_RECIPIENT = 320;

    @Resource(lookup = "jdbc/safecity")
    DataSource dataSource;
    @Inject
    MailJob job;

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
     * @throws IllegalStateException    when the database fails (the caller's transaction then rolls back)
     */
    public long enqueue(TenantId city, String to, String subject, String textBody) {
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        if (to == null || to.isBlank() || to.length() > MAX_RECIPIENT) {
            throw new IllegalArgumentException("recipient must be 1-" + MAX_RECIPIENT + " characters");
        }
        job.ensureStarted();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("insert into platform_mail_outbox (tenant_id, recipient, "
                     + "subject, body, status, attempts, next_attempt_at, created_at) "
                     + "values (?, ?, ?, ?, 'pending', 0, ?, ?) returning id")) {
            s.setString(1, city.slug());
            s.setString(2, to.strip());
            s.setString(3, subject);
            s.setString(4, textBody);
            s.setTimestamp(5, now);
            s.setTimestamp(6, now);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("mail outbox: could not enqueue", e);
        }
    }

    /**
     * Removes every outbox row of {@code city} (sent or not), for offboarding. Idempotent.
     *
     * @return rows removed
     */
    public int purge(TenantId city) {
        try (Connection c = dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("delete from platform_mail_outbox where tenant_id = ?")) {
            s.setString(1, city.slug());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("mail outbox: could not purge " + city, e);
        }
    }

    /** Rows of {@code city} in the outbox (for an offboarding preview). */
    public long count(TenantId city) {
        try (Connection c = dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from platform_mail_outbox where tenant_id = ?")) {
            s.setString(1, city.slug());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("mail outbox: could not count " + city, e);
        }
    }

    /** The data source; looked up by name when resource injection left it unset ({@link SafeCityDataSource}). */
    private DataSource dataSource() {
        dataSource = SafeCityDataSource.orLookup(dataSource);
        return dataSource;
    }
}
