package cz.safecity.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.MethodInfo;
import io.github.classgraph.ScanResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi} documents every endpoint of the deployed application — the WAR's and every module's
 * (jars in the EAR's {@code lib/}, which Payara's own scan does not see). The expected operations are read
 * from the EAR that {@code ./safecity} deployed ({@code .safecity/deploy/safecity.ear}; override with
 * {@code -Dsafecity.ear=...}): every concrete {@code @Path} class in {@code cz.safecity}, every method with an
 * HTTP method annotation, under the {@code @ApplicationPath}. So a new module's resource cannot go
 * undocumented silently.
 */
class OpenApiIT {

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
            "OPTIONS");

    private static JsonObject document;

    @BeforeAll
    static void fetch() throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build().send(
                HttpRequest.newBuilder(URI.create(SystemTestSupport.BASE + "/openapi?format=JSON"))
                        .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        document = Json.createReader(new StringReader(r.body())).readObject();
    }

    @Test
    void documentsTheWarAndTheModules() {
        JsonObject paths = document.getJsonObject("paths");
        for (String path : List.of("/api/ping", "/api/cities", "/api/cities/{city}", "/api/modules",
                "/api/cities/{city}/staff/{username}/roles", "/api/cities/{city}/districts/locate")) {
            assertTrue(paths.containsKey(path), "/openapi lacks " + path + "; has " + paths.keySet());
        }
        assertTrue(document.getString("openapi").startsWith("3."), document.getString("openapi"));
        assertEquals("Safe City platform API", document.getJsonObject("info").getString("title"));
    }

    @Test
    void documentsEveryOperationOfTheDeployedEar() throws IOException {
        Set<String> expected = operationsIn(deployedEar());
        assertTrue(expected.size() > 20, "suspiciously few operations found in the EAR: " + expected);
        assertTrue(expected.stream().anyMatch(o -> o.contains("/districts")), "no districts module operation in "
                + expected);
        JsonObject paths = document.getJsonObject("paths");
        List<String> missing = new ArrayList<>();
        for (String op : expected) {
            String method = op.substring(0, op.indexOf(' ')).toLowerCase();
            String path = op.substring(op.indexOf(' ') + 1);
            if (!paths.containsKey(path) || !paths.getJsonObject(path).containsKey(method)) {
                missing.add(op);
            }
        }
        assertTrue(missing.isEmpty(), missing.size() + " of " + expected.size()
                + " operations of the deployed EAR are not in /openapi: " + missing);
    }

    /** {@code "GET /api/cities/{city}"}, … of every resource class in the EAR (its lib/ jars and its WARs). */
    static Set<String> operationsIn(Path ear) throws IOException {
        Path dir = Files.createTempDirectory("safecity-ear");
        List<Path> roots = new ArrayList<>();
        try (ZipFile zip = new ZipFile(ear.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                if (e.getName().endsWith(".jar") || e.getName().endsWith(".war")) {
                    Path target = dir.resolve(e.getName().replace('/', '_'));
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    roots.add(target);
                }
            }
        }
        Set<String> ops = new TreeSet<>();
        // ClassGraph reads WEB-INF/classes and WEB-INF/lib of a WAR as class path roots; nothing is loaded
        try (ScanResult scan = new ClassGraph().overrideClasspath(roots).enableClassInfo().enableMethodInfo()
                .enableAnnotationInfo().acceptPackages("cz.safecity").scan()) {
            String base = scan.getClassesWithAnnotation("jakarta.ws.rs.ApplicationPath").stream()
                    .map(c -> value(c.getAnnotationInfo("jakarta.ws.rs.ApplicationPath"))).findFirst().orElse("/");
            for (ClassInfo type : scan.getClassesWithAnnotation("jakarta.ws.rs.Path")) {
                if (type.isInterface() || type.isAbstract()) {
                    continue;
                }
                String classPath = value(type.getAnnotationInfo("jakarta.ws.rs.Path"));
                for (MethodInfo m : type.getDeclaredMethodInfo()) {
                    String verb = m.getAnnotationInfo().stream()
                            .map(a -> a.getName().substring(a.getName().lastIndexOf('.') + 1))
                            .filter(n -> HTTP_METHODS.contains(n)).findFirst().orElse(null);
                    if (verb == null) {
                        continue;
                    }
                    AnnotationInfo sub = m.getAnnotationInfo("jakarta.ws.rs.Path");
                    ops.add(verb + " " + normalize(base, classPath, sub == null ? "" : value(sub)));
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return ops;
    }

    private static String value(AnnotationInfo a) {
        Object v = a.getParameterValues().getValue("value");
        return v == null ? "" : v.toString();
    }

    /** Joins path segments as JAX-RS does; {@code {id: \d+}} becomes {@code {id}} as in OpenAPI. */
    static String normalize(String... parts) {
        String joined = "/" + String.join("/", parts);
        joined = joined.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The EAR that ./safecity deployed (or -Dsafecity.ear), else the one the build made. */
    static Path deployedEar() {
        String explicit = System.getProperty("safecity.ear");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        if (!Files.exists(root.resolve("safecity")) && root.getParent() != null) {
            root = root.getParent(); // failsafe runs in system-tests/
        }
        for (Path candidate : List.of(root.resolve(".safecity/deploy/safecity.ear"),
                root.resolve("ear/target/safecity.ear"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new UncheckedIOException(new IOException("no safecity.ear under " + root + " (run ./safecity up)"));
    }
}
