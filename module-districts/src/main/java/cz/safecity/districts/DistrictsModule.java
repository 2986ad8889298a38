package cz.safecity.districts;

import cz.safecity.platform.module.Action;
import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.Indicator;
import cz.safecity.platform.module.Setting;
import cz.safecity.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

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
        return Set.of(READ, EDIT_HIERARCHY, SET_OUTLINE, IMPORT_BOUNDARIES, GENERATE_PROVISIONAL);
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
}
