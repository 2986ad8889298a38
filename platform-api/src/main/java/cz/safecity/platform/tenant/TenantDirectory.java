package cz.safecity.platform.tenant;

import cz.safecity.platform.cache.ReadCache;
import cz.safecity.platform.cache.ReadCaches;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and stores cities (table {@code platform_tenant}). Lookups by slug — every city-scoped request makes one at
 * the edge — are answered from a short-lived cache ({@link ReadCaches}, {@code safecity.cache.ttl}, default 2 s),
 * unknown slugs included, without a transaction. A city added on this instance is seen here at once; one added on
 * another instance sharing the database within the time to live. Callers get a fresh, unmanaged {@link Tenant} each
 * time, so nothing they do to it reaches the cache or the database.
 */
@ApplicationScoped
public class TenantDirectory {

    /** Most cities (and unknown slugs) kept in memory. */
    static final long MAX_CACHED = 10_000;

    /** The stored values of a city, as cached (immutable), with its zone and locales parsed once. */
    record Snapshot(String slug, String name, String timeZone, String defaultLocale, String locales,
                    String municipalityCode, Integer population, Instant createdAt, String createdBy, ZoneId zone,
                    List<Locale> localeList) {
    }

    @PersistenceContext(unitName = "platform")
    EntityManager em;
    @Inject
    ReadCaches caches;

    private ReadCache<String, Optional<Snapshot>> bySlug;

    @PostConstruct
    void init() {
        bySlug = caches.create("cities", MAX_CACHED);
    }

    /** The city with this slug (cached, see the class comment); empty for an unknown or malformed slug. */
    public Optional<Tenant> find(String slug) {
        if (!TenantId.isSlug(slug)) {
            return Optional.empty();
        }
        return bySlug.get(slug, s -> Optional.ofNullable(em.find(Tenant.class, s)).map(Tenant::snapshot))
                .map(Tenant::new);
    }

    /** The city or {@link UnknownTenantException} (404). Cached, as {@link #find}. */
    public Tenant require(String slug) {
        return find(slug).orElseThrow(() -> new UnknownTenantException(slug));
    }

    /**
     * The city as stored now, bypassing the cache: for checks that a write depends on (e.g. "does this slug exist
     * yet" before onboarding). Inside a transaction the answer is managed by its entity manager.
     */
    @Transactional
    public Optional<Tenant> findInDatabase(String slug) {
        if (!TenantId.isSlug(slug)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Tenant.class, slug));
    }

    /** All cities, sorted by slug (from the database). */
    @Transactional
    public List<Tenant> all() {
        return em.createQuery("select t from Tenant t order by t.slug", Tenant.class).getResultList();
    }

    /**
     * Inserts the city at once (flush), so that rows referencing it ({@code platform_tenant_module},
     * {@code platform_audit}) can follow in the same transaction: EclipseLink does not order inserts of
     * unrelated entities by foreign key. Forgets a cached "unknown" for its slug (now and when the transaction ends).
     */
    @Transactional
    public void add(Tenant tenant) {
        em.persist(tenant);
        em.flush();
        String slug = tenant.slug();
        caches.afterWrite(() -> bySlug.invalidate(slug));
    }

    /**
     * Forgets the cached entry of {@code slug} now and when the current transaction ends: used after the city's row
     * was deleted (offboarding), so that this instance answers 404 for it at once; others within the time to live.
     */
    public void forget(String slug) {
        caches.afterWrite(() -> bySlug.invalidate(slug));
    }
}
