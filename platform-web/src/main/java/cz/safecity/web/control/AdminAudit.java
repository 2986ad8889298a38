package cz.safecity.web.control;

import cz.safecity.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.persistence.config.QueryHints;

/**
 * The platform-level audit (table {@code platform_admin_audit}): actions on a city as a whole — onboarded,
 * offboarded — attributed to the current {@link Caller}. Unlike the city's own audit ({@code platform_audit}) these
 * rows have no foreign key to the city, so the record that a city was offboarded, and by whom, outlives its data.
 * Joins the caller's transaction.
 */
@ApplicationScoped
@Transactional
public class AdminAudit {

    @PersistenceContext(unitName = "platform")
    EntityManager em;
    @Inject
    Caller caller;

    /** One platform-level action; {@code at} ISO 8601 UTC. */
    public record Entry(long id, String at, String personId, String personName, String action, String city,
                        String detail) {
    }

    /**
     * @param action dotted verb, e.g. {@code platform.city.offboarded}
     * @param city   the city's slug
     * @param detail short free text or JSON (may be null)
     */
    public void record(String action, String city, String detail) {
        sql("insert into platform_admin_audit (at, person_id, person_name, action, city, detail)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .setParameter(1, Timestamp.valueOf(LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)))
                .setParameter(2, caller.personId())
                .setParameter(3, caller.displayName())
                .setParameter(4, action)
                .setParameter(5, city)
                .setParameter(6, detail)
                .executeUpdate();
    }

    /** Newest first, at most {@code limit}; only those of {@code city} when it is not null. */
    public List<Entry> recent(String city, int limit) {
        var query = sql("select id, at, person_id, person_name, action, city, detail"
                + " from platform_admin_audit" + (city == null ? "" : " where city = ?")
                + " order by at desc, id desc");
        if (city != null) {
            query.setParameter(1, city);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(),
                ((Timestamp) r[1]).toLocalDateTime().toInstant(ZoneOffset.UTC).toString(), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6])).toList();
    }

    /**
     * A native statement on this unit. EclipseLink refuses native SQL in a unit with multitenant entities unless asked
     * per query (it bypasses the tenant filter): these statements name the city themselves.
     */
    private Query sql(String statement) {
        return em.createNativeQuery(statement).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
    }
}
