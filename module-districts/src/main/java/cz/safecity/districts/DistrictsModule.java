package cz.safecity.districts;

import cz.safecity.platform.module.Action;
import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.Indicator;
import cz.safecity.platform.module.Setting;
import cz.safecity.platform.security.Roles;
import cz.safecity.districts.control.DistrictLocator;
import cz.safecity.districts.control.DistrictsCache;
import cz.safecity.districts.control.HierarchyStore;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantDirectory;
import cz.safecity.platform.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.persistence.config.QueryHints;

/**
 * Manifest of the districts module: hierarchy, municipal outline, versioned district boundaries, locating a
 * point, district cards. Tables {@code districts_*}, migrations {@code db/migration/districts}, persistence unit
 * {@code districts}.
 */
@ApplicationScoped
public class DistrictsModule implements CityModule {

    /** Module id, table prefix and persistence unit name. */
    public static final String ID = "districts";
    /** Setting: distance in metres from a district edge within which a located point is "near the boundary". */
    public static final String NEAR_BOUNDARY_METRES = "nearBoundaryMetres";
    /** Setting: maximum upload size of a boundary import in megabytes (hard upper bound 20). */
    public static final String MAX_IMPORT_MEGABYTES = "maxImportMegabytes";
    /** Hard upper bound of an upload (bytes): 20 MB. */
    public static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

    public static final Action READ = new Action("districts.read", Set.of());
    public static final Action EDIT_HIERARCHY = new Action("districts.hierarchy.edit", Set.of(Roles.CITY_ADMIN));
    public static final Action SET_OUTLINE = new Action("districts.outline.set", Set.of(Roles.CITY_ADMIN));
    public static final Action IMPORT_BOUNDARIES = new Action("districts.boundaries.import", Set.of(Roles.CITY_ADMIN));
    public static final Action GENERATE_PROVISIONAL =
            new Action("districts.boundaries.generate-provisional", Set.of(Roles.CITY_ADMIN));
    public static final Action ASSIGN_WORKING_GROUP =
            new Action("districts.working-group.assign", Set.of(Roles.CITY_ADMIN));
    public static final Action EDIT_CONTACT_POINTS =
            new Action("districts.contact-points.edit", Set.of(Roles.CITY_ADMIN));
    public static final Action EDIT_RECOMMENDATIONS =
            new Action("districts.recommendations.edit", Set.of(Roles.CITY_ADMIN));
    public static final Action EDIT_RISK_PLACES = new Action("districts.risk-places.edit",
            Set.of(Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR));
    public static final Action DELETE_RISK_PLACES =
            new Action("districts.risk-places.delete", Set.of(Roles.CITY_ADMIN));

    @Inject
    Instance<DistrictLocator> locator;
    @Inject
    Instance<HierarchyStore> hierarchy;
    @Inject
    TenantContext tenant;
    @Inject
    TenantDirectory cities;
    @Inject
    Instance<DistrictsCache> cache;
    @PersistenceContext(unitName = ID)
    EntityManager em;

    /** The module's tables holding a city's rows, children before parents (the order {@link #offboard} deletes in). */
    static final List<String> TABLES = List.of("districts_risk_place", "districts_recommendation",
            "districts_contact_point", "districts_wg_assignment", "districts_district", "districts_boundary_version",
            "districts_outline", "districts_borough", "districts_level");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Police districts and district cards";
    }

    @Override
    public Set<Action> actions() {
        return Set.of(READ, EDIT_HIERARCHY, SET_OUTLINE, IMPORT_BOUNDARIES, GENERATE_PROVISIONAL,
                ASSIGN_WORKING_GROUP, EDIT_CONTACT_POINTS, EDIT_RECOMMENDATIONS, EDIT_RISK_PLACES, DELETE_RISK_PLACES);
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.integer(NEAR_BOUNDARY_METRES, 25), Setting.integer(MAX_IMPORT_MEGABYTES, 20));
    }

    @Override
    public List<Indicator> indicators() {
        return List.of(new Indicator("districts.count", "Police districts in force", "count"),
                new Indicator("districts.boroughs", "Boroughs", "count"),
                new Indicator("districts.provisional", "Boundaries are provisional (1) or imported (0)", "flag"));
    }

    /** Districts and boroughs in force today (city zone); {@code districts.provisional} 1 when generated. */
    @Override
    public Map<String, Number> measure(TenantId city) {
        return measureOn(LocalDate.now(tenant.require().zone()));
    }

    /**
     * For a period: the districts in force on its last day (in the city's zone), whether they were provisional, and
     * the boroughs. Runs as {@code city} in a request context of its own (the comparison calls it for every city).
     */
    @Override
    @ActivateRequestContext
    public Map<String, Number> measure(TenantId city, YearMonth from, YearMonth to) {
        return tenant.callAs(cities.require(city.slug()), () -> measureOn(to.atEndOfMonth()));
    }

    private Map<String, Number> measureOn(LocalDate day) {
        Map<String, Number> values = new LinkedHashMap<>();
        DistrictLocator districts = locator.get();
        districts.versionAt(day).ifPresentOrElse(v -> {
            values.put("districts.count", districts.index(v).byCode().size());
            values.put("districts.provisional", v.provisional() ? 1 : 0);
        }, () -> values.put("districts.count", 0));
        values.put("districts.boroughs", hierarchy.get().boroughs().size());
        return values;
    }

    /** Rows of {@code city} in each of the module's tables ({@link #TABLES}). Works without an HTTP request. */
    @Override
    public Map<String, Long> offboardPreview(TenantId city) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, ((Number) sql("select count(*) from " + table + " where tenant_id = ?")
                    .setParameter(1, city.slug()).getSingleResult()).longValue());
        }
        return rows;
    }

    /**
     * Deletes every row of {@code city} from the module's tables, children first (boroughs referring to parent
     * boroughs go in one statement), in the caller's transaction; idempotent. Forgets the module's read caches (all
     * cities': offboarding is rare, and the caches reload within one time to live).
     */
    @Override
    public void offboard(TenantId city) {
        for (String table : TABLES) {
            sql("delete from " + table + " where tenant_id = ?").setParameter(1, city.slug())
                    .executeUpdate();
        }
        cache.get().clear();
    }

    /**
     * A native statement on this unit. EclipseLink refuses native SQL in a unit with multitenant entities unless asked
     * per query (it bypasses the tenant filter): these statements name the city themselves.
     */
    private Query sql(String statement) {
        return em.createNativeQuery(statement).setHint(QueryHints.ALLOW_NATIVE_SQL_QUERY, true);
    }
}
