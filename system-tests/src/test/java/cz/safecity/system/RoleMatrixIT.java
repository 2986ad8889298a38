package cz.safecity.system;

import static cz.safecity.system.SystemTestSupport.BASE;
import static cz.safecity.system.SystemTestSupport.get;
import static cz.safecity.system.SystemTestSupport.newCity;
import static cz.safecity.system.SystemTestSupport.put;
import static cz.safecity.system.SystemTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cz.safecity.system.DeployedApi.Operation;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated from the deployed {@code /openapi}: the role matrix. Every operation that declares roles (its
 * {@code security} requirement, which SmallRye writes from {@code @RolesAllowed}) — writes and staff reads alike — is
 * called on a test city B with each city role's token of city A (Plzeň's demo staff), with no token, and with the
 * regional {@code coordinator}'s (unless the operation lists that role): the answer must be 401, 403 or 404, never
 * 2xx. Every operation without a {@code security} requirement must be a deliberate {@code @PermitAll} (checked on the
 * resource method named by its operation id) and must answer an anonymous caller without 401/403 (public reads stay
 * public). An operation that declares nothing fails the test by name.
 */
class RoleMatrixIT {

    /** City A's staff, one per city role (demo users). */
    static final List<String> CITY_A_STAFF = List.of("city-admin.plzen", "police-officer.plzen", "constable.plzen",
            "councillor.plzen");
    static final String COORDINATOR = "coordinator";
    static final String OUTLINE = ApiFuzzIT.OUTLINE;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    static String cityB;
    static final Map<String, String> VALUES = new HashMap<>();

    @BeforeAll
    static void cityBWithDistricts() {
        cityB = newCity("Role matrix B", null);
        assertEquals(200, put("/api/cities/" + cityB + "/levels", "platform-admin",
                "{\"levels\":[{\"key\":\"city\",\"name\":\"Město\"},{\"key\":\"borough\",\"name\":\"Obvod\"},"
                        + "{\"key\":\"district\",\"name\":\"Okrsek\"}]}").status());
        assertEquals(200, send("PUT", "/api/cities/" + cityB + "/outline", "platform-admin", "application/geo+json",
                OUTLINE).status());
        assertEquals(201, send("POST", "/api/cities/" + cityB + "/districts/provisional", "platform-admin",
                "application/json", "{\"districts\":2,\"boroughs\":1}").status());
        String code = get("/api/cities/" + cityB + "/districts", null).json().getJsonArray("districts")
                .getJsonObject(0).getString("code");
        VALUES.put("city", cityB);
        VALUES.put("code", SystemTestSupport.enc(code));
        VALUES.put("role", "constable");
        VALUES.put("module", "districts");
        VALUES.put("username", "constable.plzen");
    }

    @Test
    void noCallerOutsideAnOperationsRolesGetsThrough() {
        List<Operation> ops = DeployedApi.operations();
        assertTrue(ops.size() > 20, "only " + ops.size() + " operations");
        Map<String, Method> methods = resourceMethods();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        int secured = 0;
        for (Operation op : ops) {
            String path = op.path(VALUES);
            if (op.roles().isEmpty()) {
                Method m = methods.get(op.operationId());
                if (m == null) {
                    failures.add(op + " (" + op.operationId() + "): no security in /openapi and no resource method "
                            + "found to check for @PermitAll");
                    continue;
                }
                if (!m.isAnnotationPresent(PermitAll.class)
                        && !m.getDeclaringClass().isAnnotationPresent(PermitAll.class)) {
                    failures.add(op + ": declares no roles (neither @RolesAllowed nor @PermitAll on "
                            + m.getDeclaringClass().getSimpleName() + "#" + m.getName() + ")");
                    continue;
                }
                if (!op.write()) {
                    calls++;
                    int status = call(op, path, null);
                    if (status == 401 || status == 403) {
                        failures.add(op + " is @PermitAll but answered " + status + " to an anonymous caller");
                    }
                }
                continue;
            }
            secured++;
            List<String> callers = new ArrayList<>(CITY_A_STAFF);
            callers.add(null);
            if (!op.roles().contains(COORDINATOR)) {
                callers.add(COORDINATOR);
            }
            for (String caller : callers) {
                if (caller != null && !op.path().contains("{city}") && op.roles().stream()
                        .anyMatch(r -> caller.startsWith(r + "."))) {
                    continue; // not city-scoped: a city role of A is a legitimate caller
                }
                calls++;
                int status = call(op, path, caller);
                if (status != 401 && status != 403 && status != 404) {
                    failures.add(op + " (roles " + op.roles() + ") as " + (caller == null ? "anonymous" : caller)
                            + " on city B answered " + status);
                } else if (caller == null && status != 401) {
                    failures.add(op + " anonymous answered " + status + " (expected 401)");
                }
            }
        }
        System.out.printf("RoleMatrixIT: %d operations (%d with roles), %d calls, %d failures%n", ops.size(), secured,
                calls, failures.size());
        failures.forEach(f -> System.out.println("  " + f));
        assertTrue(failures.isEmpty(), failures.size() + " role-matrix failures:\n  " + String.join("\n  ", failures));
    }

    private static int call(Operation op, String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json, */*");
        if (user != null) {
            b.header("Authorization", "Bearer " + SystemTestSupport.token(user));
        }
        String type = op.bodyTypes().isEmpty() ? "application/json" : op.bodyTypes().get(0);
        if (op.write() && op.method().equals("DELETE")) {
            // no body: over HTTP/1.1 Payara's HTTP layer refuses a DELETE with one (empty 400) before any check
            b.DELETE();
        } else if (op.write()) {
            b.header("Content-Type", type).method(op.method(), HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            b.GET();
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(op + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Resource methods by the operation id SmallRye gives them ({@code <SimpleClassName>_<method>}). */
    static Map<String, Method> resourceMethods() {
        Map<String, Method> out = new LinkedHashMap<>();
        Set<String> verbs = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
        try (ScanResult scan = new ClassGraph().enableAnnotationInfo().enableClassInfo()
                .acceptPackages("cz.safecity").scan()) {
            for (ClassInfo info : scan.getClassesWithAnnotation(Path.class.getName())) {
                Class<?> type = info.loadClass();
                for (Method m : type.getDeclaredMethods()) {
                    if (Arrays.stream(m.getAnnotations())
                            .anyMatch(a -> verbs.contains(a.annotationType().getSimpleName()))) {
                        out.put(type.getSimpleName() + "_" + m.getName(), m);
                    }
                }
            }
        }
        return out;
    }
}
