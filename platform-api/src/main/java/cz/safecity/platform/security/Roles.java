package cz.safecity.platform.security;

import java.util.Set;

/** Role names used in {@code @RolesAllowed}, Keycloak realm roles and group names. */
public final class Roles {

    /** Onboards and configures one city (hierarchy, districts, working groups, modules). City role. */
    public static final String CITY_ADMIN = "city-admin";
    /** State police officer (PČR) of a city. City role. */
    public static final String POLICE_OFFICER = "police-officer";
    /** Municipal police constable (MP) of a city. City role. */
    public static final String CONSTABLE = "constable";
    /** City councillor. City role. */
    public static final String COUNCILLOR = "councillor";
    /** Creates cities; may act in every city. Platform role. */
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** Regional coordinator: reads across cities. Platform role. */
    public static final String COORDINATOR = "coordinator";

    /** Roles held per city (Keycloak group {@code /<city>/<role>}). */
    public static final Set<String> CITY_ROLES = Set.of(CITY_ADMIN, POLICE_OFFICER, CONSTABLE, COUNCILLOR);
    /** Roles held platform-wide (Keycloak realm role). */
    public static final Set<String> PLATFORM_ROLES = Set.of(PLATFORM_ADMIN, COORDINATOR);

    private Roles() {
    }
}
