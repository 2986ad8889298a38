package cz.safecity.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when Keycloak's JWKS (the keys tokens are verified with) answers 200 with at least one key. */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String jwks;

    @Override
    public HealthCheckResponse call() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(jwks))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            boolean up = r.statusCode() == 200 && r.body().contains("\"kid\"");
            return HealthCheckResponse.named("keycloak-jwks").status(up).withData("url", jwks)
                    .withData("status", r.statusCode()).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return HealthCheckResponse.named("keycloak-jwks").down().withData("url", jwks)
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
