package cz.safecity.platform.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantId;
import cz.safecity.platform.tenant.TenantOwned;
import cz.safecity.platform.tenant.UnknownTenantException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant isolation of {@link TenantOwned} entities, inside Payara with EclipseLink on the real PostgreSQL data
 * source {@code jdbc/safecity}: a row stored in one city is invisible — to queries, to {@code find} by id, to
 * bulk deletes — in another, and its {@code tenant_id} column is filled from the {@link TenantContext}.
 * Micro-deployment {@code arq-platform-tenancy.war}: platform-api's tenant classes, a probe entity and its own
 * persistence unit (table {@code arqtest_probe_note}, recreated per deployment).
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "arq-platform-tenancy.war")
                .addClasses(Tenant.class, TenantId.class, TenantContext.class, TenantOwned.class,
                        UnknownTenantException.class, ProblemException.class, ProbeNote.class, ProbeNotes.class)
                .addAsResource("arquillian/tenancy-persistence.xml", "META-INF/persistence.xml")
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                        + "version=\"4.0\" bean-discovery-mode=\"annotated\"/>"), "beans.xml");
    }

    @Inject
    ProbeNotes notes;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Test
    void rowsOfOneCityAreInvisibleInAnother() throws Exception {
        Tenant a = city("arq-a-");
        Tenant b = city("arq-b-");

        long id = in(a, em -> {
            ProbeNote note = new ProbeNote("risk place reported in A");
            em.persist(note);
            em.flush();
            return note.id();
        });
        in(b, em -> {
            em.persist(new ProbeNote("note of B"));
            return null;
        });

        assertEquals(List.of("risk place reported in A"), in(a, TenantIsolationIT::texts));
        assertEquals(List.of("note of B"), in(b, TenantIsolationIT::texts));
        assertNotNull(in(a, em -> em.find(ProbeNote.class, id)), "A finds its own row by id");
        assertNull(in(b, em -> em.find(ProbeNote.class, id)), "B must not find A's row by id");
        assertEquals(a.slug(), in(a, em -> em.createNativeQuery(
                "select tenant_id from arqtest_probe_note where id = ?1")
                // EclipseLink refuses native SQL in a unit with multitenant entities unless asked per query
                .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                .setParameter(1, id).getSingleResult()),
                "tenant_id is filled from the tenant context");

        int deletedByB = in(b, em -> em.createQuery("delete from ProbeNote n").executeUpdate());
        assertEquals(1, deletedByB, "a bulk delete in B touches B's row only");
        assertEquals(List.of("risk place reported in A"), in(a, TenantIsolationIT::texts));
        assertTrue(in(b, TenantIsolationIT::texts).isEmpty());
    }

    /**
     * Writes are enlisted in the JTA transaction of the pool {@code jdbc/safecity}: rows already flushed to
     * PostgreSQL disappear when the transaction rolls back, so a failed request leaves nothing half-done.
     */
    @Test
    void aFailedTransactionLeavesNoRowsBehind() throws Exception {
        Tenant c = city("arq-c-");
        java.util.concurrent.ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> in(c, em -> {
                    em.persist(new ProbeNote("first row, flushed"));
                    em.flush();
                    em.persist(new ProbeNote("second row, flushed"));
                    em.flush();
                    throw new IllegalStateException("fails after two flushed inserts");
                }));
        assertTrue(String.valueOf(failed.getCause()).contains("fails after two flushed inserts"), failed.toString());
        assertTrue(in(c, TenantIsolationIT::texts).isEmpty(), "rolled-back rows must not be visible");
    }

    private <T> T in(Tenant city, Function<EntityManager, T> work) throws Exception {
        return executor.submit(() -> notes.inCity(city, work)).get();
    }

    private static List<String> texts(EntityManager em) {
        return em.createQuery("select n from ProbeNote n order by n.id", ProbeNote.class).getResultList().stream()
                .map(ProbeNote::text).toList();
    }

    private static Tenant city(String prefix) {
        String slug = prefix + UUID.randomUUID().toString().substring(0, 8);
        return new Tenant(new TenantId(slug), slug, ZoneId.of("Europe/Prague"), List.of(Locale.forLanguageTag("cs")),
                null, null, Instant.now(), "arquillian");
    }
}
