package cz.safecity.web.portal;

import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The portal's outside addresses, from MicroProfile Config (system properties, environment, or a
 * {@code microprofile-config.properties} in a lib jar):
 * <ul>
 *   <li>{@code safecity.portal.tile-url}: a Leaflet tile URL template ({@code https://…/{z}/{x}/{y}.png});
 *       none by default, so the map draws districts on a plain background and the page reaches no tile server;</li>
 *   <li>{@code safecity.portal.tile-attribution}: the attribution text the tile server requires;</li>
 *   <li>{@code safecity.portal.geocoder-url}: the base URL of a geocoder speaking the Nominatim search API
 *       ({@code …/search?q=&format=jsonv2}); none by default, and then the address box is not shown;</li>
 *   <li>{@code safecity.keycloak.url} and {@code safecity.keycloak.realm}: the OpenID Connect issuer the staff
 *       console logs in with (client {@code safecity-portal}, {@code safecity.portal.client-id}).</li>
 * </ul>
 */
final class PortalConfig {

    private final Config config = ConfigProvider.getConfig();

    private Optional<String> value(String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    String tileAttribution() {
        return value("safecity.portal.tile-attribution").orElse("");
    }

    String clientId() {
        return value("safecity.portal.client-id").orElse("safecity-portal");
    }

    Optional<String> tileUrl() {
        return value("safecity.portal.tile-url");
    }

    Optional<String> geocoderUrl() {
        return value("safecity.portal.geocoder-url");
    }

    String issuer() {
        return stripSlash(value("safecity.keycloak.url").orElse("http://localhost:8180")) + "/realms/"
                + value("safecity.keycloak.realm").orElse("safecity");
    }

    /** The origin ({@code scheme://host:port}) of a configured URL or template, for the CSP; empty when none. */
    static String origin(String url) {
        try {
            URI u = URI.create(url.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
                    .replace("{r}", ""));
            if (u.getScheme() == null || u.getHost() == null) {
                return "";
            }
            String host = url.contains("{s}.") ? "*." + u.getHost().substring(u.getHost().indexOf('.') + 1)
                    : u.getHost();
            return u.getScheme() + "://" + host + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
