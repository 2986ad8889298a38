package cz.safecity.platform.tenant;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity of a city (tenant): its URL slug, e.g. {@code plzen}. Immutable once the city exists; it is also
 * the alias of the city's Keycloak Organization and the value of every {@code tenant_id} column.
 *
 * @param slug lower-case ASCII letters, digits and '-', 2–40 characters
 */
public record TenantId(String slug) {

    /** Allowed slug shape: lower-case ASCII, digits, inner hyphens; 2–40 characters. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])");

    public TenantId {
        Objects.requireNonNull(slug, "slug");
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("not a city slug: " + slug);
        }
    }

    /** True when {@code candidate} has the shape of a slug (does not say the city exists). */
    public static boolean isSlug(String candidate) {
        return candidate != null && SLUG.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return slug;
    }
}
