package cz.safecity.stats.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC helpers: every statement names its tenant explicitly ({@code tenant_id = ?}). */
final class Jdbc {

    /** Maps one result row. */
    interface RowMapper<T> {
        T map(ResultSet r) throws SQLException;
    }

    private Jdbc() {
    }

    static <T> List<T> list(DataSource db, String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (r.next()) {
                    out.add(mapper.map(r));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("stats: " + e.getMessage(), e);
        }
    }

    static long count(DataSource db, String sql, Object... params) {
        List<Long> r = list(db, sql, x -> x.getLong(1), params);
        return r.isEmpty() ? 0 : r.get(0);
    }

    static int update(DataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("stats: " + e.getMessage(), e);
        }
    }

    static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }
}
