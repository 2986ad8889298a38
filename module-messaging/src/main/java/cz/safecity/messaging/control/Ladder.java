package cz.safecity.messaging.control;

import cz.safecity.messaging.entity.Category;
import cz.safecity.messaging.entity.Level;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.cache.ReadCache;
import cz.safecity.platform.cache.ReadCaches;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The current city's categories and escalation ladder. A city that has none gets the defaults on first use (the seed's
 * ladder: working group → leadership of state and municipal police → coordination meeting → security commission →
 * city council; a handful of categories). The city-admin replaces either list as a whole (audited). Reads are
 * answered from a short-lived cache without a transaction (no interceptor on them: a submission asks several times);
 * a cache miss and the replacements run in one.
 */
@ApplicationScoped
public class Ladder {

    /** Default ladder: key, name, meeting body kind (or null), acknowledge and answer deadlines in working days. */
    record DefaultLevel(String key, String name, String bodyKind, int ackDays, int answerDays) {
    }

    static final List<DefaultLevel> DEFAULT_LEVELS = List.of(
            new DefaultLevel("working-group", "Pracovní skupina okrsku", null, 2, 14),
            new DefaultLevel("police-leadership", "Vedení Policie ČR a městské policie", null, 2, 10),
            new DefaultLevel("coordination-meeting", "Koordinační porada", "coordination-meeting", 5, 30),
            new DefaultLevel("security-commission", "Bezpečnostní komise", "security-commission", 10, 40),
            new DefaultLevel("city-council", "Rada města", "city-council", 10, 60));

    /** Default categories: code, Czech name, English name. */
    static final List<String[]> DEFAULT_CATEGORIES = List.of(
            new String[] {"public-order", "Veřejný pořádek", "Public order"},
            new String[] {"traffic", "Doprava a parkování", "Traffic and parking"},
            new String[] {"noise", "Hluk", "Noise"},
            new String[] {"vandalism", "Vandalismus a graffiti", "Vandalism and graffiti"},
            new String[] {"drugs", "Drogy", "Drugs"},
            new String[] {"safety-feeling", "Pocit bezpečí", "Feeling of safety"},
            new String[] {"other", "Jiné", "Other"});

    /** The level a matter addressed to the police leadership starts at. */
    public static final String LEADERSHIP = "police-leadership";

    @PersistenceContext(unitName = "messaging")
    EntityManager em;
    @Inject
    TenantContext tenant;
    @Inject
    AuditLog audit;
    @Inject
    ReadCaches caches;
    @Inject
    Instance<Ladder> self;

    /** Per city: the ladder and the categories as read (immutable lists; {@code safecity.cache.ttl}). */
    private ReadCache<String, List<Level>> levelCache;
    private ReadCache<String, List<Category>> categoryCache;

    @PostConstruct
    void init() {
        levelCache = caches.create("messaging-ladder", 10_000);
        categoryCache = caches.create("messaging-categories", 10_000);
    }

    private EntityManager em() {
        return tenant.bind(em);
    }

    /**
     * Ladder levels of the current city, lowest first (defaults created on first use); cached, read-only. The cached
     * reads need no transaction of their own (a submission asks several times); a miss loads in one.
     */
    public List<Level> levels() {
        return levelCache.get(tenant.id().slug(), k -> List.copyOf(self.get().loadLevels()));
    }

    /** The city's levels from the database, the defaults inserted first when it has none (for the cache). */
    @Transactional
    public List<Level> loadLevels() {
        List<Level> levels = queryLevels();
        if (!levels.isEmpty()) {
            return levels;
        }
        String city = tenant.id().slug();
        int pos = 0;
        for (DefaultLevel d : DEFAULT_LEVELS) {
            em.createNativeQuery("insert into messaging_level (tenant_id, position, key, name, body_kind, ack_days, "
                            + "answer_days) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .setParameter(1, city).setParameter(2, pos++).setParameter(3, d.key()).setParameter(4, d.name())
                    .setParameter(5, d.bodyKind()).setParameter(6, d.ackDays()).setParameter(7, d.answerDays())
                    .executeUpdate();
        }
        return queryLevels();
    }

    private List<Level> queryLevels() {
        return em().createQuery("select l from Level l order by l.position", Level.class).getResultList();
    }

    /** The level with this key. */
    public Optional<Level> level(String key) {
        return levels().stream().filter(l -> l.key.equals(key)).findFirst();
    }

    /** The level above {@code key}, empty at the top of the ladder. */
    public Optional<Level> next(String key) {
        List<Level> all = levels();
        for (int i = 0; i < all.size() - 1; i++) {
            if (all.get(i).key.equals(key)) {
                return Optional.of(all.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** The level a new matter starts at: the leadership level (when addressed there and present) or the lowest. */
    public Level entry(boolean toLeadership) {
        List<Level> all = levels();
        if (toLeadership) {
            return all.stream().filter(l -> l.key.equals(LEADERSHIP)).findFirst()
                    .orElse(all.size() > 1 ? all.get(1) : all.get(0));
        }
        return all.get(0);
    }

    /**
     * Replaces the ladder (at least one level; keys unique). Matters on a dropped level stay on it until they are
     * escalated or reassigned by hand; the deadline job then treats them as being on the lowest level.
     */
    @Transactional
    public List<Level> replaceLevels(List<Level> levels) {
        if (levels.isEmpty()) {
            throw ProblemException.invalid("levels", "at least one level is required");
        }
        if (levels.stream().map(l -> l.key).distinct().count() != levels.size()) {
            throw ProblemException.invalid("levels", "level keys must be unique");
        }
        em().createNativeQuery("delete from messaging_level where tenant_id = ?").setParameter(1, tenant.id().slug())
                .executeUpdate();
        int pos = 0;
        for (Level l : levels) {
            l.position = pos++;
            em().persist(l);
        }
        String slug = tenant.id().slug();
        caches.afterWrite(() -> levelCache.invalidate(slug));
        audit.record("messaging.ladder.replaced", "ladder", tenant.id().slug(), levels.size() + " levels: "
                + String.join(" → ", levels.stream().map(l -> l.key).toList()));
        return queryLevels();
    }

    /** Categories of the current city in display order (defaults created on first use); cached, read-only. */
    public List<Category> categories() {
        return categoryCache.get(tenant.id().slug(), k -> List.copyOf(self.get().loadCategories()));
    }

    /** The city's categories from the database, the defaults inserted first when it has none (for the cache). */
    @Transactional
    public List<Category> loadCategories() {
        List<Category> cats = queryCategories();
        if (!cats.isEmpty()) {
            return cats;
        }
        String city = tenant.id().slug();
        int pos = 0;
        for (String[] c : DEFAULT_CATEGORIES) {
            em.createNativeQuery("insert into messaging_category (tenant_id, code, name_cs, name_en, active, position) "
                            + "values (?, ?, ?, ?, true, ?) on conflict do nothing")
                    .setParameter(1, city).setParameter(2, c[0]).setParameter(3, c[1]).setParameter(4, c[2])
                    .setParameter(5, pos++).executeUpdate();
        }
        return queryCategories();
    }

    private List<Category> queryCategories() {
        return em().createQuery("select c from Category c order by c.position", Category.class).getResultList();
    }

    /** An active category with this code. */
    public Optional<Category> category(String code) {
        return categories().stream().filter(c -> c.active && c.code.equals(code)).findFirst();
    }

    /** Replaces the categories (codes unique; matters keep the code they were filed under). */
    @Transactional
    public List<Category> replaceCategories(List<Category> categories) {
        if (categories.isEmpty()) {
            throw ProblemException.invalid("categories", "at least one category is required");
        }
        if (categories.stream().map(c -> c.code).distinct().count() != categories.size()) {
            throw ProblemException.invalid("categories", "category codes must be unique");
        }
        em().createNativeQuery("delete from messaging_category where tenant_id = ?")
                .setParameter(1, tenant.id().slug()).executeUpdate();
        int pos = 0;
        for (Category c : categories) {
            c.position = pos++;
            em().persist(c);
        }
        String slug = tenant.id().slug();
        caches.afterWrite(() -> categoryCache.invalidate(slug));
        audit.record("messaging.categories.replaced", "categories", tenant.id().slug(), categories.size()
                + " categories");
        return queryCategories();
    }
}
