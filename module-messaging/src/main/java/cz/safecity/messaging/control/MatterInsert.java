package cz.safecity.messaging.control;

import cz.safecity.messaging.entity.Matter;
import cz.safecity.platform.persistence.SafeCityDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Stores a new matter, its first thread entry (the citizen's text) and the client's rate-limit count in ONE SQL
 * statement (data-modifying CTEs), on the connection of the caller's JTA transaction (only {@link Matters#submit}
 * calls it, inside its transaction; no interceptor of its own): one statement to PostgreSQL instead of an insert
 * per row with its identity read back, a flush and a separate upsert. Without mail to queue, {@link #insertAlone}
 * runs it autocommitted, without a transaction at all. {@code on conflict do nothing}
 * makes a repeated {@code Idempotency-Key} (unique per city) write nothing — a racing duplicate waits for the winner's
 * commit and then writes nothing either — so the caller answers the earlier matter. The rate-limit row is counted
 * only when the matter was inserted (fixed window of {@link RateLimiter#WINDOW} per city and client address, in
 * PostgreSQL, so the limit holds across instances); over the limit the caller throws and the transaction rolls back.
 */
@ApplicationScoped
public class MatterInsert {

    /** The insert's result: the new matter's id and, over the limit, the seconds until the window ends (else 0). */
    public record Outcome(long id, long retryAfter) {
    }

    private static final String COLUMNS = "tenant_id, category, text, lat, lon, district_code, district_name, "
            + "addressee, near_boundary, neighbours, contact_name, contact_email, contact_phone, consent, locale, status, "
            + "level_key, level_since, ack_due_at, answer_due_at, created_at, confirm_hash, tracking_hash, "
            + "idempotency_key, idempotency_fingerprint, source, demo";
    /** The 27 parameters; the four instants (level_since … created_at) arrive as ISO text ({@link #setInstant}). */
    private static final String PARAMS = String.join(", ", java.util.Collections.nCopies(17, "?"))
            + ", ?::timestamp, ?::timestamp, ?::timestamp, ?::timestamp, "
            + String.join(", ", java.util.Collections.nCopies(6, "?"));
    private static final String MATTER = "insert into messaging_matter (" + COLUMNS + ") values (" + PARAMS
            + ") on conflict do nothing returning id, text, created_at";
    private static final String ENTRY = "insert into messaging_entry (tenant_id, matter_id, kind, text, author_name, "
            + "author_role, created_at) select ?, id, 'citizen', text, 'citizen', 'citizen', created_at from m";
    private static final String RATE = "insert into messaging_rate (tenant_id, client, window_start, count) %s "
            + "on conflict (tenant_id, client) do update set count = case when messaging_rate.window_start <= "
            + "?::timestamp then 1 else messaging_rate.count + 1 end, window_start = case when "
            + "messaging_rate.window_start <= ?::timestamp then "
            + "excluded.window_start else messaging_rate.window_start end returning count, window_start";
    /** Without a limit: matter and entry. */
    static final String UNLIMITED = "with m as (" + MATTER + "), e as (" + ENTRY + ") select id, 0, null from m";
    /** With a limit: matter, entry and the window's count (a new window when the stored one has ended). */
    static final String LIMITED = "with m as (" + MATTER + "), e as (" + ENTRY + "), r as ("
            + RATE.formatted("select ?, ?, ?::timestamp, 1 from m")
            + ") select m.id, r.count, r.window_start from m cross join r";
    /**
     * Alone (no transaction around it, see {@link #insertAlone}) the count comes first and the matter is inserted only
     * within the limit, so that the one autocommitted statement never stores a matter over the limit.
     */
    static final String ALONE_LIMITED = "with r as (" + RATE.formatted("values (?, ?, ?::timestamp, 1)") + "), m as ("
            + "insert into messaging_matter (" + COLUMNS + ") select " + PARAMS + " from r where r.count <= ? "
            + "on conflict do nothing returning id, text, created_at), e as (" + ENTRY + ") "
            + "select m.id, r.count, r.window_start from r left join m on true";

    @Resource(lookup = "jdbc/safecity")
    DataSource dataSource;

    /**
     * @param city   the matter's city (tenant id)
     * @param m      the matter's fields (id unset)
     * @param client the client's address (counted when {@code limit} > 0)
     * @param limit  submissions per client address and window; 0 or less: unlimited, nothing counted
     * @param now    real time, for the rate-limit window
     * @return the outcome, or null when the idempotency key (or, astronomically unlikely, the tracking hash) exists
     */
    public Outcome insert(String city, Matter m, String client, int limit, Instant now) {
        boolean limited = limit > 0;
        try (Connection c = dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(limited ? LIMITED : UNLIMITED)) {
            int i = bindMatter(s, 0, city, m);
            s.setString(++i, city); // entry
            if (limited) {
                bindRate(s, i, city, client, now);
            }
            return outcome(s, limited, limit, now);
        } catch (SQLException e) {
            throw new IllegalStateException("messaging: could not store the matter", e);
        }
    }

    /**
     * Stores the matter, its first entry and the rate-limit count as ONE autocommitted statement, without a JTA
     * transaction (one round trip: no separate commit, no enlistment) — for a submission that queues no mail, whose
     * matter and entry are then all there is to write (the statement is atomic and durable when it returns). Over
     * the limit nothing is stored, but the attempt is counted (the window's start, and so Retry-After, stays).
     *
     * @return as {@link #insert}; called without an idempotency key only
     */
    public Outcome insertAlone(String city, Matter m, String client, int limit, Instant now) {
        boolean limited = limit > 0;
        try (Connection c = dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(limited ? ALONE_LIMITED : UNLIMITED)) {
            int i = limited ? bindRate(s, 0, city, client, now) : 0;
            i = bindMatter(s, i, city, m);
            if (limited) {
                s.setInt(++i, limit);
            }
            s.setString(++i, city); // entry
            return outcome(s, limited, limit, now); // in a caller's transaction, if any, it joins it
        } catch (SQLException e) {
            throw new IllegalStateException("messaging: could not store the matter", e);
        }
    }

    /** The {@link #RATE} upsert's parameters after position {@code i}: city, client, now, twice the window's end. */
    private static int bindRate(PreparedStatement s, int i, String city, String client, Instant now)
            throws SQLException {
        Instant expired = now.minus(RateLimiter.WINDOW);
        s.setString(++i, city);
        s.setString(++i, client);
        setInstant(s, ++i, now);
        setInstant(s, ++i, expired);
        setInstant(s, ++i, expired);
        return i;
    }

    private static int bindMatter(PreparedStatement s, int i, String city, Matter m) throws SQLException {
        s.setString(++i, city);
        s.setString(++i, m.category);
        s.setString(++i, m.text);
        setDouble(s, ++i, m.lat);
        setDouble(s, ++i, m.lon);
        s.setString(++i, m.districtCode);
        s.setString(++i, m.districtName);
        s.setString(++i, m.addressee);
        s.setBoolean(++i, m.nearBoundary);
        s.setString(++i, m.neighbours);
        s.setString(++i, m.contactName);
        s.setString(++i, m.contactEmail);
        s.setString(++i, m.contactPhone);
        s.setBoolean(++i, m.consent);
        s.setString(++i, m.locale);
        s.setString(++i, m.status);
        s.setString(++i, m.levelKey);
        setInstant(s, ++i, m.levelSince);
        setInstant(s, ++i, m.ackDueAt);
        setInstant(s, ++i, m.answerDueAt);
        setInstant(s, ++i, m.createdAt);
        s.setString(++i, m.confirmHash);
        s.setString(++i, m.trackingHash);
        s.setString(++i, m.idempotencyKey);
        s.setString(++i, m.idempotencyFingerprint);
        s.setString(++i, m.source);
        s.setBoolean(++i, m.demo);
        return i;
    }

    private static Outcome outcome(PreparedStatement s, boolean limited, int limit, Instant now) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return null;
            }
            long id = r.getLong(1); // 0 (null) when the alone statement stored nothing
            boolean stored = !r.wasNull();
            int count = r.getInt(2);
            if (!limited || count <= limit) {
                return stored ? new Outcome(id, 0) : null;
            }
            Instant start = r.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC);
            return new Outcome(id, Math.max(1, Duration.between(now, start.plus(RateLimiter.WINDOW)).toSeconds()));
        }
    }

    /** The data source; looked up by name when resource injection left it unset ({@link SafeCityDataSource}). */
    private DataSource dataSource() {
        dataSource = SafeCityDataSource.orLookup(dataSource);
        return dataSource;
    }

    /**
     * An instant as the UTC {@code timestamp} it is stored as, bound as ISO text for a {@code ?::timestamp}: the
     * driver's own timestamp binding builds a {@code GregorianCalendar} for every new statement, which was a tenth of
     * a submission's CPU time.
     */
    private static void setInstant(PreparedStatement s, int i, Instant at) throws SQLException {
        s.setString(i, at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString());
    }

    private static void setDouble(PreparedStatement s, int i, Double d) throws SQLException {
        if (d == null) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, d);
        }
    }
}
