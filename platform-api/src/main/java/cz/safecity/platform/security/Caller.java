package cz.safecity.platform.security;

import cz.safecity.platform.tenant.TenantId;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The person behind the current request, from the validated Keycloak token; {@link #anonymous()} when
 * there is none (citizens). Every official action is recorded with {@link #personId()} and
 * {@link #displayName()} (the seed: "no anonymity on the official side").
 */
@RequestScoped
public class Caller {

    /** Claim listing Keycloak group paths {@code /<city>/<role>}. */
    public static final String CITY_GROUPS_CLAIM = "city_groups";

    private JsonWebToken token;

    /** Called once per request by the edge filter with the validated token. */
    public void authenticate(JsonWebToken token) {
        this.token = token;
    }

    private JsonWebToken jwt() {
        return token == null || token.getRawToken() == null ? null : token;
    }

    public boolean anonymous() {
        return jwt() == null;
    }

    /** Keycloak user id ({@code sub}); {@code anonymous} without a token. */
    public String personId() {
        JsonWebToken t = jwt();
        return t == null ? "anonymous" : t.getSubject();
    }

    /** Display name ({@code name}, else {@code preferred_username}). */
    public String displayName() {
        JsonWebToken t = jwt();
        if (t == null) {
            return "anonymous";
        }
        String name = t.getClaim("name");
        return name != null ? name : t.getClaim("preferred_username");
    }

    /** Login name ({@code preferred_username}). */
    public String username() {
        JsonWebToken t = jwt();
        return t == null ? null : t.getClaim("preferred_username");
    }

    /** Platform-wide role from the {@code groups} claim. */
    public boolean hasPlatformRole(String role) {
        JsonWebToken t = jwt();
        return t != null && t.getGroups() != null && t.getGroups().contains(role);
    }

    /** City role from the {@code city_groups} claim ({@code /<city>/<role>}). */
    public boolean hasCityRole(TenantId city, String role) {
        return cityGroups().contains("/" + city.slug() + "/" + role);
    }

    /** The caller's roles in {@code city}, e.g. {@code [constable]}. */
    public Set<String> cityRoles(TenantId city) {
        String prefix = "/" + city.slug() + "/";
        return Set.copyOf(cityGroups().stream().filter(g -> g.startsWith(prefix))
                .map(g -> g.substring(prefix.length())).toList());
    }

    /** Main role shown in audit records for {@code city}: a city role if held, else a platform role. */
    public String roleIn(TenantId city) {
        if (city != null) {
            for (String r : List.of(Roles.CITY_ADMIN, Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR)) {
                if (hasCityRole(city, r)) {
                    return r;
                }
            }
        }
        for (String r : List.of(Roles.PLATFORM_ADMIN, Roles.COORDINATOR)) {
            if (hasPlatformRole(r)) {
                return r;
            }
        }
        return anonymous() ? "citizen" : "user";
    }

    private List<String> cityGroups() {
        JsonWebToken t = jwt();
        if (t == null) {
            return List.of();
        }
        Object claim = t.getClaim(CITY_GROUPS_CLAIM);
        if (claim instanceof Collection<?> c) {
            return c.stream().map(Caller::unquote).toList();
        }
        if (claim instanceof jakarta.json.JsonArray a) {
            return a.stream().map(v -> unquote(v.toString())).toList();
        }
        return List.of();
    }

    private static String unquote(Object o) {
        String s = String.valueOf(o);
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
