package cz.safecity.web.control;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.WebTarget;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.JerseyClientBuilder;
import org.glassfish.jersey.client.proxy.WebResourceFactory;
import org.keycloak.admin.client.spi.ResteasyClientProvider;

/**
 * Runs the Keycloak admin client on the JAX-RS client that Payara ships (Jersey) instead of RESTEasy.
 * <p>
 * {@code keycloak-admin-client} talks to Keycloak through this SPI only: {@link #newRestEasyClient} makes the
 * {@link Client} and {@link #targetProxy} turns its resource interfaces ({@code RealmResource},
 * {@code OrganizationsResource}…) into proxies. The client finds an implementation with
 * {@code ServiceLoader} ({@code META-INF/services/org.keycloak.admin.client.spi.ResteasyClientProvider} in
 * this WAR) and falls back to its RESTEasy one only when none is registered. So RESTEasy's jars are not
 * packaged at all, and nothing of it can take over the server's JAX-RS runtime (its {@code RuntimeDelegate},
 * {@code ClientBuilder} service entries and {@code @Provider} classes would otherwise be visible to the
 * application's class loader and its annotation scanning).
 * <p>
 * The client is built with {@link JerseyClientBuilder} directly (not {@code ClientBuilder.newBuilder()}),
 * with Jersey's auto-discovered JSON features switched off: the representations are Jackson-annotated, so
 * only {@link KeycloakJson} reads and writes their JSON.
 */
public class JerseyKeycloakClientProvider implements ResteasyClientProvider {

    /** Milliseconds to open a connection to Keycloak. */
    static final int CONNECT_TIMEOUT_MS = 3_000;
    /** Milliseconds to wait for an answer from Keycloak. */
    static final int READ_TIMEOUT_MS = 15_000;

    /** A Jersey client for the admin client ({@code KeycloakBuilder.resteasyClient(...)}). */
    public static Client newClient() {
        return new JerseyKeycloakClientProvider().newRestEasyClient(null, null, false);
    }

    @Override
    public Client newRestEasyClient(Object customJacksonProvider, SSLContext sslContext, boolean disableTrustManager) {
        JerseyClientBuilder builder = new JerseyClientBuilder();
        builder.property(ClientProperties.CONNECT_TIMEOUT, CONNECT_TIMEOUT_MS)
                .property(ClientProperties.READ_TIMEOUT, READ_TIMEOUT_MS)
                // the admin API has body-less PUTs (e.g. PUT /users/{id}/groups/{group}); RESTEasy sends them,
                // Jersey refuses them unless told that this is intended
                .property(ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true)
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE_CLIENT, true)
                .property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE_CLIENT, true)
                .property(CommonProperties.JSON_BINDING_FEATURE_DISABLE_CLIENT, true)
                .property(CommonProperties.JSON_PROCESSING_FEATURE_DISABLE_CLIENT, true)
                .property(CommonProperties.MOXY_JSON_FEATURE_DISABLE_CLIENT, true);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        if (disableTrustManager) {
            HostnameVerifier any = (host, session) -> true;
            builder.hostnameVerifier(any);
        }
        builder.register(customJacksonProvider != null ? customJacksonProvider : new KeycloakJson());
        return builder.build();
    }

    @Override
    public <R> R targetProxy(WebTarget target, Class<R> targetClass) {
        return WebResourceFactory.newResource(targetClass, target);
    }
}
