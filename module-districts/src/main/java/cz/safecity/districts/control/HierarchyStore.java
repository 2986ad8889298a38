package cz.safecity.districts.control;

import cz.safecity.districts.entity.Borough;
import cz.safecity.districts.entity.HierarchyLevel;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The current city's hierarchy: its levels ({@code districts_level}) and boroughs ({@code districts_borough}).
 * Every access goes through {@link TenantContext#bind}. Every change forgets the city's cached boroughs
 * ({@link DistrictsCache#boroughsChanged}); the reads here are not cached.
 */
@ApplicationScoped
@Transactional
public class HierarchyStore {

    /** The hierarchy of a city that declared none: city → district (Sokolov). */
    public static final List<HierarchyLevel> DEFAULT_LEVELS = List.of(
            new HierarchyLevel(0, HierarchyLevel.CITY, "City"),
            new HierarchyLevel(1, HierarchyLevel.DISTRICT, "District"));

    @PersistenceContext(unitName = "districts")
    EntityManager em;
    @Inject
    TenantContext tenant;
    @Inject
    DistrictsCache cached;

    private EntityManager em() {
        return tenant.bind(em);
    }

    /** Levels top to bottom; {@link #DEFAULT_LEVELS} when the city declared none. */
    public List<HierarchyLevel> levels() {
        List<HierarchyLevel> stored = em().createQuery("select l from HierarchyLevel l order by l.position",
                HierarchyLevel.class).getResultList();
        return stored.isEmpty() ? DEFAULT_LEVELS : stored;
    }

    /** Keys of the levels between city and district (where boroughs live), top first. */
    public List<String> boroughLevels() {
        List<HierarchyLevel> all = levels();
        return all.subList(1, all.size() - 1).stream().map(HierarchyLevel::key).toList();
    }

    /**
     * Replaces the levels. {@code keys}/{@code names} top to bottom.
     *
     * @throws ProblemException 400 naming {@code levels} when the first key is not {@code city}, the last not
     *                          {@code district}, or keys repeat; 409 when a dropped level still has boroughs
     */
    public List<HierarchyLevel> replaceLevels(List<String> keys, List<String> names) {
        if (keys.size() < 2 || !HierarchyLevel.CITY.equals(keys.get(0))
                || !HierarchyLevel.DISTRICT.equals(keys.get(keys.size() - 1))) {
            throw ProblemException.invalid("levels", "must start with 'city' and end with 'district'");
        }
        if (new HashSet<>(keys).size() != keys.size()) {
            throw ProblemException.invalid("levels", "keys must be unique");
        }
        Set<String> kept = Set.copyOf(keys);
        for (Borough b : boroughs()) {
            if (!kept.contains(b.level()) || HierarchyLevel.CITY.equals(b.level())
                    || HierarchyLevel.DISTRICT.equals(b.level())) {
                throw ProblemException.conflict("Level '" + b.level() + "' still has boroughs (e.g. '" + b.code()
                        + "'); delete or move them first.", "levels");
            }
        }
        EntityManager em = em();
        cached.boroughsChanged();
        em.createQuery("select l from HierarchyLevel l", HierarchyLevel.class).getResultList().forEach(em::remove);
        em.flush();
        List<HierarchyLevel> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            HierarchyLevel l = new HierarchyLevel(i, keys.get(i), names.get(i));
            em.persist(l);
            out.add(l);
        }
        return out;
    }

    /** All boroughs, by code. */
    public List<Borough> boroughs() {
        return em().createQuery("select b from Borough b order by b.code", Borough.class).getResultList();
    }

    public Optional<Borough> borough(String code) {
        return em().createQuery("select b from Borough b where b.code = :code", Borough.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    /** The borough with this id in the current city, or null (also for a null id). */
    public Borough boroughById(Long id) {
        return id == null ? null : em().createQuery("select b from Borough b where b.id = :id", Borough.class)
                .setParameter("id", id).getResultStream().findFirst().orElse(null);
    }

    /**
     * Creates or updates a borough.
     *
     * @param level      its level key; null = the first level below the city
     * @param parentCode borough of the level above, or null when that level is the city
     * @throws ProblemException 409 when the city has no borough level; 400 naming {@code level} or {@code parent}
     *                          when they do not fit the hierarchy
     */
    public Borough save(String code, String name, String level, String parentCode, Integer population) {
        List<String> levels = boroughLevels();
        if (levels.isEmpty()) {
            throw ProblemException.conflict("This city's hierarchy has no level between city and district; declare "
                    + "one with PUT /levels first.", "level");
        }
        String lvl = level == null ? levels.get(0) : level;
        int at = levels.indexOf(lvl);
        if (at < 0) {
            throw ProblemException.invalid("level", "not a borough level of this city: " + levels);
        }
        Long parentId = null;
        if (at == 0 && parentCode != null) {
            throw ProblemException.invalid("parent", "boroughs of level '" + lvl + "' belong to the city directly");
        }
        if (at > 0) {
            if (parentCode == null) {
                throw ProblemException.invalid("parent", "a borough of level '" + lvl + "' needs a parent of level '"
                        + levels.get(at - 1) + "'");
            }
            Borough parent = borough(parentCode).filter(p -> p.level().equals(levels.get(at - 1)))
                    .orElseThrow(() -> ProblemException.invalid("parent", "no borough '" + parentCode
                            + "' of level '" + levels.get(at - 1) + "'"));
            parentId = parent.id();
        }
        cached.boroughsChanged();
        Optional<Borough> existing = borough(code);
        if (existing.isPresent()) {
            existing.get().change(lvl, name, parentId, population);
            return existing.get();
        }
        Borough b = new Borough(lvl, code, name, parentId, population);
        em().persist(b);
        return b;
    }

    /**
     * Deletes a borough.
     *
     * @throws ProblemException 404 unknown code; 409 when districts (of any boundary version) or boroughs refer to it
     */
    public void delete(String code) {
        Borough b = borough(code).orElseThrow(() -> ProblemException.notFound("Borough", code));
        long districts = em().createQuery("select count(d) from District d where d.boroughId = :id", Long.class)
                .setParameter("id", b.id()).getSingleResult();
        long children = em().createQuery("select count(b) from Borough b where b.parentId = :id", Long.class)
                .setParameter("id", b.id()).getSingleResult();
        if (districts + children > 0) {
            throw ProblemException.conflict("Borough '" + code + "' is referred to by " + districts
                    + " district(s) and " + children + " borough(s).", "code");
        }
        em().remove(b);
        cached.boroughsChanged();
    }

    /**
     * The ids of the boroughs with these codes, creating missing ones at the first borough level with a name made
     * by {@code nameFor} (code → name).
     *
     * @throws ProblemException 409 when boroughs are needed but the city has no borough level
     */
    public Map<String, Long> ensure(Set<String> codes, java.util.function.Function<String, String> nameFor,
                                    List<String> created) {
        Map<String, Long> ids = new LinkedHashMap<>();
        if (codes.isEmpty()) {
            return ids;
        }
        List<String> levels = boroughLevels();
        for (Borough b : boroughs()) {
            if (codes.contains(b.code())) {
                ids.put(b.code(), b.id());
            }
        }
        for (String code : codes) {
            if (!ids.containsKey(code)) {
                if (levels.isEmpty()) {
                    throw ProblemException.conflict("Districts refer to boroughs, but this city's hierarchy has no "
                            + "borough level; declare one with PUT /levels first.", "levels");
                }
                Borough b = new Borough(levels.get(0), code, nameFor.apply(code), null, null);
                cached.boroughsChanged();
                em().persist(b);
                em().flush();
                ids.put(code, b.id());
                created.add(code);
            }
        }
        return ids;
    }

    /** Utility for generated names: {@code template} with {@code {n}} replaced. */
    public static IntFunction<String> numbered(String template) {
        return n -> template.replace("{n}", Integer.toString(n));
    }
}
