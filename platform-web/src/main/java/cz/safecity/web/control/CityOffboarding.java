package cz.safecity.web.control;

import cz.safecity.platform.event.CityOffboarded;
import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.tenant.TenantDirectory;
import cz.safecity.platform.tenant.TenantId;
import cz.safecity.platform.tenant.UnknownTenantException;
import cz.safecity.platform.time.PlatformClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.persistence.config.QueryHints;

/**
 * Offboards a city: removes its rows from every deployed module ({@link CityModule#offboard}) and from the
 * platform's own tables (module enablement, the city's audit trail, the city itself), its Keycloak Organization and
 * role groups, and its cached entries; records in the platform-level audit ({@link AdminAudit}) that it happened and
 * by whom; fires {@link CityOffboarded} once committed.
 *
 * <p><b>One transaction.</b> Every module's tables live in the same PostgreSQL database behind the same JTA data
 * source, so all deletes commit or roll back together: a failure leaves the city complete and the request can be
 * repeated. A city's data is small enough (thousands of rows) for one transaction; a resumable job would only pay off
 * for cities with millions of rows. Keycloak cannot take part in the transaction: it is cleaned up last, after every
 * delete has run and been checked, so that its failure (502) still rolls the database back; only a failed commit after
 * that could leave a city without its Keycloak side (re-provisioned by {@code KeycloakProvisioner} idempotently).
 *
 * <p><b>Nothing left behind.</b> After the modules ran, every table with a foreign key to {@code platform_tenant} is
 * counted for the city; rows left by a module that does not implement {@link CityModule#offboard} stop the
 * offboarding with a 409 naming the table, before anything is committed. The dry run lists them as
 * {@code notCovered}.
 */
@ApplicationScoped
public class CityOffboarding {

    private static final Logger LOG = Logger.getLogger(CityOffboarding.class.getName());
    /**
     * The platform's own rows of a city, removed after the modules' (children first): mail outbox (no foreign key),
     * the city's audit trail, module enablement, the city.
     */
    private static final List<String[]> PLATFORM_TABLES = List.of(
            new String[] {"platform_mail_outbox", "tenant_id"},
            new String[] {"platform_audit", "tenant_id"},
            new String[] {"platform_tenant_module", "tenant"},
            new String[] {"platform_tenant", "slug"});

    @PersistenceContext(unitName = "platform")
    EntityManager em;
    @Inject
    ModuleRegistry modules;
    @Inject
    TenantDirectory directory;
    @Inject
    KeycloakProvisioner keycloak;
    @Inject
    AdminAudit adminAudit;
    @Inject
    Caller caller;
    @Inject
    PlatformClock clock;
    @Inject
    Event<CityOffboarded> offboarded;
    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * What offboarding removed (or, for a dry run, would remove).
     *
     * @param removed    per module id ({@code platform} for the platform's own tables): table → rows
     * @param notCovered tables referencing the city that no module claims, with their rows (blocks offboarding)
     * @param keycloak   the Keycloak parts ({@code organization}, {@code groups}) removed or present
     * @param at         ISO 8601 UTC, null for a dry run
     * @param by         person id of the platform admin, null for a dry run
     */
    public record Report(String city, boolean dryRun, Map<String, Map<String, Long>> removed,
                         Map<String, Long> notCovered, List<String> keycloak, String at, String by) {
    }

    /** Dry run: what {@link #offboard} would remove. Changes nothing. */
    @Transactional
    public Report preview(TenantId city) {
        Map<String, Map<String, Long>> removed = previewModules(city);
        Map<String, Long> notCovered = uncovered(city, removed);
        List<String> kc = keycloak.cityParts(city);
        return new Report(city.slug(), true, removed, notCovered, kc, null, null);
    }

    /**
     * Removes the city everywhere (see the class comment).
     *
     * @throws ProblemException 404 when the city is unknown; 409 {@code offboard-incomplete} when a table still
     *                          holds rows of the city after every module ran; 502 when Keycloak cannot be reached.
     *                          In each case nothing was removed.
     */
    @Transactional
    public Report offboard(TenantId city) {
        String slug = city.slug();
        if (sql("select slug from platform_tenant where slug = ? for update").setParameter(1, slug)
                .getResultList().isEmpty()) {
            throw new UnknownTenantException(slug);
        }
        Map<String, Map<String, Long>> removed = previewModules(city);
        for (CityModule m : modules.modules()) {
            try {
                m.offboard(city);
            } catch (ProblemException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warning(() -> "offboarding " + slug + ": module " + m.id() + " failed: " + e);
                throw new ProblemException(409, "offboard-failed", "Offboarding failed",
                        "Module '" + m.id() + "' could not remove the rows of city '" + slug + "' ("
                                + e.getClass().getSimpleName() + "); nothing was removed.", null);
            }
        }
        Map<String, Long> left = uncovered(city, Map.of());
        left.keySet().removeIf(table -> PLATFORM_TABLES.stream().anyMatch(t -> t[0].equals(table)));
        if (!left.isEmpty()) {
            throw new ProblemException(409, "offboard-incomplete", "Offboarding incomplete",
                    "Rows of city '" + slug + "' are left in " + left + " after every module's offboard hook ran; "
                            + "the module owning them must remove them in CityModule.offboard. Nothing was removed.",
                    null).with("tables", left);
        }
        for (String[] t : PLATFORM_TABLES) {
            sql("delete from " + t[0] + " where " + t[1] + " = ?").setParameter(1, slug)
                    .executeUpdate();
        }
        em.flush();
        Instant at = Instant.now();
        adminAudit.record("platform.city.offboarded", slug, summary(removed));
        List<String> kc = keycloak.removeCity(city);
        directory.forget(slug);
        modules.forget(city);
        String actor = caller.personId();
        afterCommit(() -> {
            clock.forget(city);
            offboarded.fireAsync(new CityOffboarded(city, at, actor));
        });
        LOG.info(() -> "offboarded city " + slug + " by " + caller.personId() + ": " + removed);
        return new Report(slug, false, removed, Map.of(), kc, at.toString(), caller.personId());
    }

    /** Per module, what its hook says it holds of the city; the platform's own tables under {@code platform}. */
    private Map<String, Map<String, Long>> previewModules(TenantId city) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (CityModule m : modules.modules()) {
            out.put(m.id(), new TreeMap<>(m.offboardPreview(city)));
        }
        Map<String, Long> platform = new LinkedHashMap<>();
        for (String[] t : PLATFORM_TABLES) {
            platform.put(t[0], count(t[0], t[1], city.slug()));
        }
        out.put("platform", platform);
        return out;
    }

    /**
     * Tables with a foreign key to {@code platform_tenant} holding rows of the city that no entry of {@code claimed}
     * names: table → rows.
     */
    private Map<String, Long> uncovered(TenantId city, Map<String, Map<String, Long>> claimed) {
        @SuppressWarnings("unchecked")
        List<Object[]> refs = sql("select c.conrelid::regclass::text, a.attname::text"
                + " from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]"
                + " where c.contype = 'f' and c.confrelid = 'platform_tenant'::regclass order by 1").getResultList();
        Map<String, Long> out = new TreeMap<>();
        for (Object[] ref : refs) {
            String table = (String) ref[0];
            if (claimed.values().stream().anyMatch(tables -> tables.containsKey(table))) {
                continue;
            }
            long rows = count(table, (String) ref[1], city.slug());
            if (rows > 0) {
                out.put(table, rows);
            }
        }
        return out;
    }

    private long count(String table, String column, String slug) {
        return ((Number) sql("select count(*) from " + table + " where " + column + " = ?")
                .setParameter(1, slug).getSingleResult()).longValue();
    }

    private static String summary(Map<String, Map<String, Long>> removed) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        removed.forEach((module, tables) -> {
            JsonObjectBuilder t = Json.createObjectBuilder();
            tables.forEach(t::add);
            json.add(module, t);
        });
        return json.build().toString();
    }

    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /**
     * A native statement on this unit. EclipseLink refuses native SQL in a unit with multitenant entities unless asked
     * per query (it bypasses the tenant filter): these statements name the city themselves.
     */
    private Query sql(String statement) {
        return em.createNativeQuery(statement).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
    }
}
