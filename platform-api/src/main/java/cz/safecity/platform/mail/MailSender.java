package cz.safecity.platform.mail;

import cz.safecity.platform.persistence.SafeCityDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers due rows of {@code platform_mail_outbox} to the configured SMTP server (Jakarta Mail, plain SMTP without
 * authentication, as a local mail catcher or a relay on the private network expects). Rows are claimed with
 * {@code for update skip locked}, so two senders never deliver the same row. A failed attempt is retried after
 * {@link #backoff(int)}; after {@link #MAX_ATTEMPTS} attempts, or for an address the server rejects permanently,
 * the row is marked {@code failed} and kept for inspection.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    /** Attempts before a row is given up ({@code failed}); with {@link #backoff} that spans about a day. */
    public static final int MAX_ATTEMPTS = 12;
    /** Rows delivered per call of {@link #deliverDue()}. */
    static final int BATCH = 50;

    @Resource(lookup = "jdbc/safecity")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "safecity.mail.host", defaultValue = "localhost")
    String host;
    @Inject
    @ConfigProperty(name = "safecity.mail.port", defaultValue = "2525")
    int port;
    @Inject
    @ConfigProperty(name = "safecity.mail.from", defaultValue = "Bezpecne mesto <no-reply@safecity.cz>")
    String from;

    /** Pause before attempt {@code attempts + 1}: 30 s doubling per failed attempt, at most 2 h. */
    public static Duration backoff(int attempts) {
        long seconds = 30L << Math.min(Math.max(attempts - 1, 0), 12);
        return Duration.ofSeconds(Math.min(seconds, 7200));
    }

    private record Row(long id, String to, String subject, String body, int attempts) {
    }

    /**
     * Sends up to {@value #BATCH} due mails (oldest first), each at most once.
     *
     * @return how many were delivered
     * @throws IllegalStateException when the database cannot be reached
     */
    public int deliverDue() {
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                int sent = deliver(c);
                c.commit();
                return sent;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("mail outbox: database unavailable", e);
        }
    }

    private int deliver(Connection c) throws SQLException {
        List<Row> due = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, recipient, subject, body, attempts "
                + "from platform_mail_outbox where status = 'pending' and next_attempt_at <= ? "
                + "order by next_attempt_at, id limit " + BATCH + " for update skip locked")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    due.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5)));
                }
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        Session session = Session.getInstance(smtpProperties());
        int sent = 0;
        Transport transport = null;
        try {
            for (Row row : due) {
                String error;
                boolean permanent = false;
                try {
                    if (transport == null) {
                        transport = session.getTransport("smtp");
                        transport.connect();
                    }
                    MimeMessage m = message(session, row);
                    transport.sendMessage(m, m.getAllRecipients());
                    markSent(c, row.id());
                    sent++;
                    continue;
                } catch (AddressException | SendFailedException e) {
                    error = e.toString();
                    permanent = true;
                } catch (MessagingException | RuntimeException e) {
                    error = e.toString();
                    closeQuietly(transport);
                    transport = null;
                }
                markFailedAttempt(c, row, error, permanent);
            }
        } finally {
            closeQuietly(transport);
        }
        return sent;
    }

    private Properties smtpProperties() {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", "5000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        return p;
    }

    private MimeMessage message(Session session, Row row) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        try {
            m.setFrom(new InternetAddress(from, true));
        } catch (AddressException e) {
            throw new MessagingException("safecity.mail.from is not an address: " + from, e);
        }
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(row.to(), true));
        m.setSubject(row.subject(), StandardCharsets.UTF_8.name());
        m.setText(row.body(), StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        m.setHeader("X-SafeCity-Outbox-Id", String.valueOf(row.id()));
        return m;
    }

    private static void markSent(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update platform_mail_outbox set status = 'sent', sent_at = ?, "
                + "attempts = attempts + 1, last_error = null where id = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    private static void markFailedAttempt(Connection c, Row row, String error, boolean permanent) throws SQLException {
        int attempts = row.attempts() + 1;
        boolean giveUp = permanent || attempts >= MAX_ATTEMPTS;
        LOG.log(giveUp ? Level.WARNING : Level.INFO, () -> "mail outbox " + row.id() + ": attempt " + attempts
                + (giveUp ? " failed, giving up: " : " failed, will retry: ") + error);
        try (PreparedStatement s = c.prepareStatement("update platform_mail_outbox set status = ?, attempts = ?, "
                + "next_attempt_at = ?, last_error = ? where id = ?")) {
            s.setString(1, giveUp ? "failed" : "pending");
            s.setInt(2, attempts);
            s.setTimestamp(3, Timestamp.from(Instant.now().plus(backoff(attempts))));
            s.setString(4, error.length() > 2000 ? error.substring(0, 2000) : error);
            s.setLong(5, row.id());
            s.executeUpdate();
        }
    }

    private static void closeQuietly(Transport t) {
        if (t != null) {
            try {
                t.close();
            } catch (MessagingException | RuntimeException e) {
                LOG.log(Level.FINE, "closing SMTP transport", e);
            }
        }
    }

    /** The data source; looked up by name when resource injection left it unset ({@link SafeCityDataSource}). */
    private DataSource dataSource() {
        dataSource = SafeCityDataSource.orLookup(dataSource);
        return dataSource;
    }
}
