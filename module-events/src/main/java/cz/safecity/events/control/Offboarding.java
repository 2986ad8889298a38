package cz.safecity.events.control;

import cz.safecity.platform.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Removes a city's rows from every {@code events_*} table (children before parents) for the platform's offboarding;
 * plain JDBC on the transaction's connection, no HTTP request needed, idempotent.
 */
@ApplicationScoped
public class Offboarding {

    /** The module's tables, children first. */
    static final List<String> TABLES = List.of("events_registration", "events_public_meeting",
            "events_plan_check", "events_plan_officer", "events_plan", "events_project_activity", "events_project",
            "events_measure_review", "events_decision", "events_attendance", "events_agenda_item", "events_meeting",
            "events_measure", "events_body_member", "events_body");

    @Resource(lookup = "jdbc/safecity")
    DataSource dataSource;

    /** Table → rows of {@code city}. */
    @Transactional
    public Map<String, Long> preview(TenantId city) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement s = c.prepareStatement("select count(*) from " + table
                        + " where tenant_id = ?")) {
                    s.setString(1, city.slug());
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        counts.put(table, r.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("events offboarding preview: " + e.getMessage(), e);
        }
        return counts;
    }

    /** Deletes every row of {@code city}; joins the caller's transaction. */
    @Transactional
    public void remove(TenantId city) {
        try (Connection c = dataSource.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement s = c.prepareStatement("delete from " + table + " where tenant_id = ?")) {
                    s.setString(1, city.slug());
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("events offboarding: " + e.getMessage(), e);
        }
    }
}
