package cz.safecity.stats.control;

import cz.safecity.platform.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Import jobs ({@code stats_import_job}): created when an upload is accepted, updated with progress while the import
 * runs (own auto-commit statements, so progress is visible outside the import's transaction), finished with the
 * report in the import's transaction, or failed with the reason (then nothing of the import was kept).
 */
@ApplicationScoped
public class ImportJobs {

    /**
     * A job as the status resource shows it.
     *
     * @param status queued | running | done | failed
     * @param report the finished report (status done)
     * @param error  why it failed (status failed); {@code line} is where, when the file was at fault
     */
    public record Job(long id, String status, String format, String source, long bytes, long linesRead,
                      long imported, long duplicates, long unlocated, long rejected, Instant createdAt,
                      Instant finishedAt, JsonObject report, String error, Long line) {
    }

    /**
     * A queued or running job without progress for this long was interrupted (progress comes every second while the
     * file is read).
     */
    static final java.time.Duration STALE = java.time.Duration.ofMinutes(5);

    @Resource(lookup = "jdbc/safecity")
    DataSource db;

    /** Creates a queued job. */
    public long create(TenantId city, String format, String source, long bytes, boolean demo, String actor) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into stats_import_job (tenant_id, format, source, status, bytes, demo, created_at, created_by,"
                        + " progress_at) values (?, ?, ?, 'queued', ?, ?, ?, ?, now() at time zone 'UTC')",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, city.slug());
            s.setString(2, format);
            s.setString(3, source);
            s.setLong(4, bytes);
            s.setBoolean(5, demo);
            s.setTimestamp(6, Timestamp.from(Instant.now()));
            s.setString(7, actor);
            s.executeUpdate();
            try (ResultSet k = s.getGeneratedKeys()) {
                k.next();
                return k.getLong("id");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("import job: " + e.getMessage(), e);
        }
    }

    /** Progress (auto-commit, own connection, outside the import's transaction). */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.NOT_SUPPORTED)
    public void progress(long job, long lines, long imported, long duplicates, long unlocated, long rejected) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update stats_import_job set status = 'running', lines_read = ?, imported = ?, duplicates = ?, "
                        + "unlocated = ?, rejected = ?, progress_at = now() at time zone 'UTC' where id = ?")) {
            s.setLong(1, lines);
            s.setLong(2, imported);
            s.setLong(3, duplicates);
            s.setLong(4, unlocated);
            s.setLong(5, rejected);
            s.setLong(6, job);
            s.executeUpdate();
        } catch (SQLException e) {
            // progress is informative only
        }
    }

    /** The finished state, written on the import's own connection (inside its transaction). */
    public void finish(Connection c, long job, long lines, ImportReport r, String reportJson) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update stats_import_job set status = 'done', lines_read = ?, imported = ?, duplicates = ?, "
                        + "unlocated = ?, rejected = ?, report = ?, finished_at = ? where id = ?")) {
            s.setLong(1, lines);
            s.setLong(2, r.imported());
            s.setLong(3, r.duplicates());
            s.setLong(4, r.unlocated());
            s.setLong(5, r.rejectedTotal() != null ? r.rejectedTotal() : r.rejected().size());
            s.setString(6, reportJson);
            s.setTimestamp(7, Timestamp.from(Instant.now()));
            s.setLong(8, job);
            s.executeUpdate();
        }
    }

    /** Marks the job failed (auto-commit): the import's transaction was rolled back. */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.NOT_SUPPORTED)
    public void fail(long job, String error, Long line) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update stats_import_job set status = 'failed', error = ?, report = ?, imported = 0, duplicates = 0,"
                        + " unlocated = 0, finished_at = ? where id = ?")) {
            s.setString(1, error);
            s.setString(2, line == null ? null : Json.createObjectBuilder().add("line", line).build().toString());
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.setLong(4, job);
            s.executeUpdate();
        } catch (SQLException e) {
            // the job stays running; its error is in the server log
        }
    }

    /** A job of the city (empty for another city's job). */
    public Optional<Job> find(TenantId city, long id) {
        List<Job> found = query("where tenant_id = ? and id = ?", city.slug(), id);
        return found.stream().findFirst();
    }

    /** The city's latest jobs, newest first. */
    public List<Job> recent(TenantId city, int limit) {
        return query("where tenant_id = ? order by id desc limit " + limit, city.slug());
    }

    private List<Job> query(String where, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select id, status, format, source, bytes, lines_read, imported, duplicates, unlocated, rejected, "
                        + "created_at, finished_at, report, error, progress_at from stats_import_job " + where)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                List<Job> out = new java.util.ArrayList<>();
                while (r.next()) {
                    String status = r.getString(2);
                    String report = r.getString(13);
                    JsonObject json = report == null ? null : Json.createReader(new StringReader(report)).readObject();
                    Long line = null;
                    if ("failed".equals(status) && json != null && json.containsKey("line")) {
                        line = json.getJsonNumber("line").longValue();
                        json = null;
                    }
                    Timestamp fin = r.getTimestamp(12);
                    Timestamp progressAt = r.getTimestamp(15);
                    String error = r.getString(14);
                    if (("running".equals(status) || "queued".equals(status)) && progressAt != null
                            && progressAt.toInstant().isBefore(Instant.now().minus(STALE))) {
                        status = "failed";
                        error = "interrupted: no progress since " + progressAt.toInstant() + " (the server stopped "
                                + "or redeployed); nothing of this import was kept, import the file again";
                    }
                    out.add(new Job(r.getLong(1), status, r.getString(3), r.getString(4), r.getLong(5), r.getLong(6),
                            r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10), r.getTimestamp(11).toInstant(),
                            fin == null ? null : fin.toInstant(), json, error, line));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("import jobs: " + e.getMessage(), e);
        }
    }
}
