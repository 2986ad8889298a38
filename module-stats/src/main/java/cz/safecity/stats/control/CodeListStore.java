package cz.safecity.stats.control;

import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A city's code lists per source ({@code stats_code_map}) over the built-in {@link CodeLists}. A change applies to
 * records imported afterwards; records already imported keep the category and cleared status they got.
 */
@ApplicationScoped
public class CodeListStore {

    @Resource(lookup = "jdbc/safecity")
    DataSource db;

    /** The effective mapping of {@code source} in {@code city}. */
    public CodeLists.Mapping mapping(TenantId city, String source) {
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> outcomes = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select kind, code, value from stats_code_map where tenant_id = ? and source = ? order by code")) {
            s.setString(1, city.slug());
            s.setString(2, source);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    (r.getString(1).equals("type") ? types : outcomes).put(r.getString(2), r.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("code lists: " + e.getMessage(), e);
        }
        return CodeLists.mapping(source, types, outcomes);
    }

    /**
     * Sets entries of the city's lists for {@code source} (existing codes are replaced, others kept).
     *
     * @throws ProblemException 400 naming the entry when a category or cleared value is unknown
     */
    public void put(TenantId city, String source, Map<String, String> types, Map<String, String> outcomes) {
        types.forEach((code, v) -> {
            if (!CodeLists.CATEGORIES.contains(v)) {
                throw ProblemException.invalid("types." + code, "unknown category '" + v + "', one of "
                        + CodeLists.CATEGORIES);
            }
        });
        outcomes.forEach((code, v) -> {
            if (!CodeLists.CLEARED_VALUES.contains(v)) {
                throw ProblemException.invalid("outcomes." + code, "must be one of " + CodeLists.CLEARED_VALUES);
            }
        });
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into stats_code_map (tenant_id, source, kind, code, value) values (?, ?, ?, ?, ?) "
                        + "on conflict (tenant_id, source, kind, code) do update set value = excluded.value")) {
            for (var kind : Map.of("type", types, "outcome", outcomes).entrySet()) {
                for (var e : kind.getValue().entrySet()) {
                    if (e.getKey().isBlank() || e.getKey().length() > CrimeCsv.MAX_VALUE) {
                        throw ProblemException.invalid(kind.getKey() + "s", "codes are 1.." + CrimeCsv.MAX_VALUE
                                + " characters");
                    }
                    s.setString(1, city.slug());
                    s.setString(2, source);
                    s.setString(3, kind.getKey());
                    s.setString(4, e.getKey());
                    s.setString(5, e.getValue());
                    s.addBatch();
                }
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("code lists: " + e.getMessage(), e);
        }
    }
}
