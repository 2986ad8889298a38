package cz.safecity.web.control;

import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantId;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.GroupResource;
import org.keycloak.admin.client.resource.OrganizationsResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A city's identity side in Keycloak, through the admin REST API ({@code keycloak-admin-client}, on Payara's
 * JAX-RS client — see {@link JerseyKeycloakClientProvider}), as the service account of client
 * {@code safecity.keycloak.client-id} (client-credentials grant). Per city:
 * <ul>
 *   <li>the Organization with alias = slug, name = the city's name (or {@code "<name> (<slug>)"} when another
 *       organization already has that name), domain {@code <slug>.safecity.local}, attribute
 *       {@code safecity.city = <slug>};</li>
 *   <li>the group {@code /<slug>} (attribute {@code safecity.city}) with subgroups {@code city-admin},
 *       {@code police-officer}, {@code constable}, {@code councillor}, each mapped to the realm role of the
 *       same name. Membership of {@code /<slug>/<role>} is what the token's {@code city_groups} claim
 *       carries.</li>
 * </ul>
 * Every operation is idempotent: what exists is kept, what is missing is created, so a retry after a partial
 * failure completes the city. Any failure to reach Keycloak, or an answer that is not what the API promises,
 * is a {@link ProblemException} 502 of type {@code keycloak-unavailable} whose detail names the step.
 * <p>
 * Configuration (MicroProfile Config): {@code safecity.keycloak.url} (e.g. {@code http://localhost:8180}),
 * {@code .realm}, {@code .client-id}, {@code .client-secret}. The service account needs the
 * {@code realm-management} roles {@code manage-realm} (organizations) and {@code manage-users},
 * {@code query-groups}, {@code view-users} (groups, memberships).
 */
@ApplicationScoped
public class KeycloakProvisioner {

    private static final Logger LOG = Logger.getLogger(KeycloakProvisioner.class.getName());

    /** Organization domains are {@code <slug>} + this suffix. */
    public static final String DOMAIN_SUFFIX = ".safecity.local";
    /** Attribute on the city's organization and top group naming its slug. */
    public static final String CITY_ATTRIBUTE = "safecity.city";
    /** City roles in a stable order (the subgroups of {@code /<slug>}). */
    static final List<String> CITY_ROLES = List.of(Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE,
            Roles.COUNCILLOR);

    @Inject
    @ConfigProperty(name = "safecity.keycloak.url")
    String url;
    @Inject
    @ConfigProperty(name = "safecity.keycloak.realm")
    String realmName;
    @Inject
    @ConfigProperty(name = "safecity.keycloak.client-id")
    String clientId;
    @Inject
    @ConfigProperty(name = "safecity.keycloak.client-secret")
    String clientSecret;

    private volatile Keycloak keycloak;

    /**
     * Creates (or completes) the city's Organization and role groups. Idempotent.
     *
     * @param city the city's id; its slug is the organization alias and the top group's name
     * @param name the city's display name, e.g. {@code Plzeň}
     * @throws ProblemException 502 {@code keycloak-unavailable} when Keycloak refuses or cannot be reached
     */
    public void provisionCity(TenantId city, String name) {
        String display = name == null || name.isBlank() ? city.slug() : name.strip();
        ensureOrganization(city, display);
        ensureRoleGroups(city);
        LOG.info(() -> "provisioned Keycloak organization and role groups of city " + city.slug());
    }

    /** Which of the city's Keycloak parts exist: {@code organization}, {@code groups} (for the offboarding dry run). */
    public List<String> cityParts(TenantId city) {
        List<String> parts = new ArrayList<>();
        if (findOrganization(city).isPresent()) {
            parts.add("organization");
        }
        if (groupByPath("/" + city.slug()).isPresent()) {
            parts.add("groups");
        }
        return parts;
    }

    /**
     * Removes the city's identity side: its Organization (members leave it; their accounts stay) and the group
     * {@code /<slug>} with its role subgroups (so nobody keeps a role in the city). Idempotent: what is already
     * gone is skipped. Used by offboarding.
     *
     * @return what was removed, e.g. {@code ["organization", "groups"]} (empty when nothing was left)
     * @throws ProblemException 502 {@code keycloak-unavailable} when Keycloak refuses or cannot be reached
     */
    public List<String> removeCity(TenantId city) {
        List<String> removed = new ArrayList<>();
        Optional<OrganizationRepresentation> org = findOrganization(city);
        if (org.isPresent()) {
            Response r = step("delete organization '" + city.slug() + "'",
                    () -> realm().organizations().get(org.get().getId()).delete());
            try {
                if (r.getStatus() != 204 && r.getStatus() != 200 && r.getStatus() != 404) {
                    throw unavailable("delete organization '" + city.slug() + "'",
                            "Keycloak answered " + r.getStatus() + describe(r.getStatus()));
                }
            } finally {
                r.close();
            }
            removed.add("organization");
        }
        Optional<GroupRepresentation> group = groupByPath("/" + city.slug());
        if (group.isPresent()) {
            step("delete group /" + city.slug(), () -> {
                try {
                    realm().groups().group(group.get().getId()).remove();
                } catch (NotFoundException e) {
                    // removed meanwhile
                }
                return null;
            });
            removed.add("groups");
        }
        LOG.info(() -> "removed Keycloak " + removed + " of city " + city.slug());
        return removed;
    }

    /**
     * Puts a person into the city role group {@code /<city>/<role>} and makes them a member of the city's
     * Organization. Idempotent (already a member: nothing changes). The groups are created first if missing.
     *
     * @param username Keycloak username, e.g. {@code constable.plzen}
     * @param role     one of {@link Roles#CITY_ROLES}
     * @throws ProblemException 400 for a role that is not a city role, 404 when no such user exists,
     *                          502 {@code keycloak-unavailable}
     */
    public void assignCityRole(TenantId city, String username, String role) {
        requireCityRole(role, "role");
        UserRepresentation user = user(username);
        Map<String, String> groups = ensureRoleGroups(city);
        step("add " + username + " to group /" + city.slug() + "/" + role, () -> {
            realm().users().get(user.getId()).joinGroup(groups.get(role));
            return null;
        });
        ensureOrganizationMember(city, user);
    }

    /**
     * Takes a person out of the city role group {@code /<city>/<role>}. Idempotent. Organization membership
     * is kept (the person may hold other roles or return).
     *
     * @throws ProblemException 400 for a role that is not a city role, 404 when no such user exists,
     *                          502 {@code keycloak-unavailable}
     */
    public void revokeCityRole(TenantId city, String username, String role) {
        requireCityRole(role, "role");
        UserRepresentation user = user(username);
        Map<String, String> groups = ensureRoleGroups(city);
        step("remove " + username + " from group /" + city.slug() + "/" + role, () -> {
            realm().users().get(user.getId()).leaveGroup(groups.get(role));
            return null;
        });
    }

    /**
     * The person's roles in the city: the names of their groups {@code /<city>/<role>}, sorted.
     *
     * @throws ProblemException 404 when no such user exists, 502 {@code keycloak-unavailable}
     */
    public Set<String> cityRoles(TenantId city, String username) {
        UserRepresentation user = user(username);
        String prefix = "/" + city.slug() + "/";
        List<GroupRepresentation> groups = step("read the groups of " + username,
                () -> realm().users().get(user.getId()).groups(0, 1000, false));
        Set<String> roles = new TreeSet<>();
        for (GroupRepresentation g : groups) {
            if (g.getPath() != null && g.getPath().startsWith(prefix)
                    && CITY_ROLES.contains(g.getPath().substring(prefix.length()))) {
                roles.add(g.getPath().substring(prefix.length()));
            }
        }
        return roles;
    }

    // --- organization ---------------------------------------------------------------------------------------

    private void ensureOrganization(TenantId city, String name) {
        OrganizationsResource orgs = step("open the organizations API", () -> realm().organizations());
        if (findOrganization(city).isPresent()) {
            return;
        }
        OrganizationRepresentation org = new OrganizationRepresentation();
        org.setAlias(city.slug());
        org.setName(name);
        org.setEnabled(true);
        org.setDescription("Safe City tenant '" + city.slug() + "'");
        org.setAttributes(Map.of(CITY_ATTRIBUTE, List.of(city.slug())));
        OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
        domain.setName(city.slug() + DOMAIN_SUFFIX);
        domain.setVerified(false);
        org.addDomain(domain);
        int status = created("create organization '" + city.slug() + "'", () -> orgs.create(org));
        if (status == 409) {
            // maybe made by an earlier, interrupted attempt (alias taken) or another organization has the name
            if (findOrganization(city).isPresent()) {
                return;
            }
            org.setName(name + " (" + city.slug() + ")");
            status = created("create organization '" + city.slug() + "' as '" + org.getName() + "'",
                    () -> orgs.create(org));
            if (status == 409 && findOrganization(city).isEmpty()) {
                throw unavailable("create organization '" + city.slug() + "'",
                        "Keycloak answered 409: its alias, name or domain " + domain.getName()
                                + " belongs to another organization");
            }
        }
    }

    /** The organization whose alias is the city's slug (ours carry the city attribute; demo ones may not). */
    Optional<OrganizationRepresentation> findOrganization(TenantId city) {
        return step("look up organization '" + city.slug() + "'", () -> {
            OrganizationsResource orgs = realm().organizations();
            Optional<OrganizationRepresentation> tagged = orgs.searchByAttribute(CITY_ATTRIBUTE + ":" + city.slug())
                    .stream().filter(o -> city.slug().equals(o.getAlias())).findFirst();
            if (tagged.isPresent()) {
                return tagged;
            }
            return orgs.search(city.slug(), false, 0, 100).stream()
                    .filter(o -> city.slug().equals(o.getAlias())).findFirst();
        });
    }

    private void ensureOrganizationMember(TenantId city, UserRepresentation user) {
        Optional<OrganizationRepresentation> org = findOrganization(city);
        if (org.isEmpty()) {
            LOG.warning(() -> "city " + city.slug() + " has no Keycloak organization; " + user.getUsername()
                    + " got the role group only");
            return;
        }
        created("add " + user.getUsername() + " to organization '" + city.slug() + "'",
                () -> realm().organizations().get(org.get().getId()).members().addMember(user.getId()));
    }

    // --- groups -----------------------------------------------------------------------------------------------

    /** Makes sure {@code /<slug>} and its four role subgroups (with their realm roles) exist; role → group id. */
    private Map<String, String> ensureRoleGroups(TenantId city) {
        String top = "/" + city.slug();
        GroupRepresentation parent = groupByPath(top).orElseGet(() -> {
            GroupRepresentation g = new GroupRepresentation();
            g.setName(city.slug());
            g.setAttributes(Map.of(CITY_ATTRIBUTE, List.of(city.slug())));
            created("create group " + top, () -> realm().groups().add(g));
            return groupByPath(top).orElseThrow(() -> unavailable("create group " + top, "it is still missing"));
        });
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (String role : CITY_ROLES) {
            String path = top + "/" + role;
            GroupRepresentation group = groupByPath(path).orElseGet(() -> {
                GroupRepresentation g = new GroupRepresentation();
                g.setName(role);
                created("create group " + path, () -> realm().groups().group(parent.getId()).subGroup(g));
                return groupByPath(path).orElseThrow(() -> unavailable("create group " + path, "it is still missing"));
            });
            ensureRealmRole(group, path, role);
            ids.put(role, group.getId());
        }
        return ids;
    }

    private void ensureRealmRole(GroupRepresentation group, String path, String role) {
        step("map realm role " + role + " to group " + path, () -> {
            GroupResource resource = realm().groups().group(group.getId());
            boolean mapped = resource.roles().realmLevel().listAll().stream().anyMatch(r -> role.equals(r.getName()));
            if (!mapped) {
                RoleRepresentation rep = realm().roles().get(role).toRepresentation();
                resource.roles().realmLevel().add(List.of(rep));
            }
            return null;
        });
    }

    private Optional<GroupRepresentation> groupByPath(String path) {
        return step("look up group " + path, () -> {
            try {
                return Optional.of(realm().getGroupByPath(path));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    // --- users ------------------------------------------------------------------------------------------------

    private UserRepresentation user(String username) {
        List<UserRepresentation> found = step("look up user " + username,
                () -> realm().users().searchByUsername(username, true));
        return found.stream().filter(u -> username.equalsIgnoreCase(u.getUsername())).findFirst()
                .orElseThrow(() -> new ProblemException(404, "not-found", "Not found",
                        "No person with username '" + username + "' exists in Keycloak realm '" + realmName + "'.",
                        "username"));
    }

    private static void requireCityRole(String role, String field) {
        if (role == null || !CITY_ROLES.contains(role)) {
            throw ProblemException.invalid(field, "not a city role (one of " + CITY_ROLES + "): " + role);
        }
    }

    // --- plumbing ---------------------------------------------------------------------------------------------

    private RealmResource realm() {
        return client().realm(realmName);
    }

    private Keycloak client() {
        Keycloak k = keycloak;
        if (k == null) {
            synchronized (this) {
                k = keycloak;
                if (k == null) {
                    keycloak = k = build();
                }
            }
        }
        return k;
    }

    /**
     * Builds the admin client. The first touch of {@link Keycloak} looks up its transport with
     * {@code ServiceLoader} on the thread's context class loader, so that loader is this WAR's for the moment.
     */
    private Keycloak build() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KeycloakProvisioner.class.getClassLoader());
        try {
            if (!(Keycloak.getClientProvider() instanceof JerseyKeycloakClientProvider)) {
                Keycloak.setClientProvider(new JerseyKeycloakClientProvider());
            }
            return KeycloakBuilder.builder()
                    .serverUrl(url)
                    .realm(realmName)
                    .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                    .clientId(clientId)
                    .clientSecret(clientSecret)
                    .resteasyClient(JerseyKeycloakClientProvider.newClient())
                    .build();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @PreDestroy
    void close() {
        Keycloak k = keycloak;
        if (k != null) {
            k.close();
        }
    }

    /** Runs one call against Keycloak; anything but success becomes a 502 naming {@code what}. */
    private <T> T step(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            throw e;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            throw unavailable(what, "Keycloak answered " + status + describe(status));
        } catch (ProcessingException e) {
            throw unavailable(what, "Keycloak at " + url + " cannot be reached (" + rootMessage(e) + ")");
        }
    }

    /** A call answering 201 Created (or 204); 409 Conflict is returned to the caller, anything else is a 502. */
    private int created(String what, Supplier<Response> call) {
        Response r = step(what, call);
        try {
            int status = r.getStatus();
            if (status == 201 || status == 204 || status == 200 || status == 409) {
                return status;
            }
            String body = r.hasEntity() ? r.readEntity(String.class) : "";
            throw unavailable(what, "Keycloak answered " + status + describe(status)
                    + (body.isBlank() ? "" : ": " + abbreviate(body)));
        } finally {
            r.close();
        }
    }

    private static String describe(int status) {
        return switch (status) {
            case 401 -> " (the client credentials of the service account were refused)";
            case 403 -> " (the service account lacks a realm-management role)";
            case 404 -> " (no such realm or resource)";
            default -> "";
        };
    }

    private ProblemException unavailable(String what, String why) {
        LOG.warning(() -> "Keycloak provisioning failed: " + what + ": " + why);
        return new ProblemException(502, "keycloak-unavailable", "Keycloak unavailable",
                "Keycloak provisioning failed while trying to " + what + ": " + why + ".", null);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** For tests and the staff endpoint: the four city role names in a stable order. */
    public static List<String> cityRoleNames() {
        return new ArrayList<>(CITY_ROLES);
    }
}
