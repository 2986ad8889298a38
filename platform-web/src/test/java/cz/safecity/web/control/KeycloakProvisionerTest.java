package cz.safecity.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantId;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;

/**
 * The provisioner's failure contract, with the admin client on the Jersey client as in Payara: an unreachable
 * Keycloak and a refused service account become 502 {@code keycloak-unavailable} problems naming the step,
 * never a 500. And the admin client's JSON: Keycloak's representations through {@link KeycloakJson}.
 */
class KeycloakProvisionerTest {

    @Test
    void unreachableKeycloakIs502NamingTheStep() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        KeycloakProvisioner p = provisioner("http://127.0.0.1:" + port);
        ProblemException e = assertThrows(ProblemException.class, () -> p.provisionCity(new TenantId("sokolov"), "Sokolov"));
        assertEquals(502, e.status());
        assertEquals(ProblemException.TYPE_BASE + "keycloak-unavailable", e.type());
        assertTrue(e.detail().contains("organization 'sokolov'") && e.detail().contains("cannot be reached"),
                e.detail());
    }

    @Test
    void refusedServiceAccountIs502SayingSo() throws IOException {
        HttpServer keycloak = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keycloak.createContext("/", exchange -> {
            byte[] body = "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client secret\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keycloak.start();
        try {
            KeycloakProvisioner p = provisioner("http://127.0.0.1:" + keycloak.getAddress().getPort());
            ProblemException e = assertThrows(ProblemException.class,
                    () -> p.assignCityRole(new TenantId("plzen"), "constable.plzen", "constable"));
            assertEquals(502, e.status());
            assertTrue(e.detail().contains("401") && e.detail().contains("client credentials"), e.detail());
        } finally {
            keycloak.stop(0);
        }
    }

    @Test
    void aRoleThatIsNotACityRoleIs400BeforeAnyCall() {
        KeycloakProvisioner p = provisioner("http://127.0.0.1:9");
        ProblemException e = assertThrows(ProblemException.class,
                () -> p.assignCityRole(new TenantId("plzen"), "someone", "mayor"));
        assertEquals(400, e.status());
        assertEquals("role", e.field());
    }

    @Test
    void representationsRoundTripAndUnknownPropertiesAreIgnored() throws IOException {
        OrganizationRepresentation org = new OrganizationRepresentation();
        org.setAlias("plzen");
        org.setName("Plzeň");
        org.setAttributes(Map.of(KeycloakProvisioner.CITY_ATTRIBUTE, List.of("plzen")));
        String json = KeycloakJson.MAPPER.writeValueAsString(org);
        assertTrue(json.contains("\"alias\":\"plzen\"") && !json.contains("\"redirectUrl\""), json);

        GroupRepresentation g = KeycloakJson.MAPPER.readValue(
                "{\"id\":\"1\",\"name\":\"constable\",\"path\":\"/plzen/constable\",\"fromAFutureServer\":true}",
                GroupRepresentation.class);
        assertEquals("/plzen/constable", g.getPath());
    }

    @Test
    void jsonProviderLeavesPlainBodiesToJersey() {
        assertTrue(KeycloakJson.handles(GroupRepresentation.class, MediaType.APPLICATION_JSON_TYPE));
        assertTrue(KeycloakJson.handles(List.class, MediaType.APPLICATION_JSON_TYPE));
        assertFalse(KeycloakJson.handles(String.class, MediaType.APPLICATION_JSON_TYPE),
                "a user id is sent as a raw string body");
        assertFalse(KeycloakJson.handles(GroupRepresentation.class, MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertFalse(KeycloakJson.handles(jakarta.ws.rs.core.Form.class, MediaType.APPLICATION_JSON_TYPE));
    }

    private static KeycloakProvisioner provisioner(String url) {
        KeycloakProvisioner p = new KeycloakProvisioner();
        p.url = url;
        p.realmName = "safecity";
        p.clientId = "safecity-provisioner";
        p.clientSecret = "wrong";
        return p;
    }
}
