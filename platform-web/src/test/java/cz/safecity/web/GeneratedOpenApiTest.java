package cz.safecity.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.MethodInfo;
import io.github.classgraph.ScanResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document generated at build time ({@code META-INF/openapi.yaml}, served as {@code /openapi})
 * has every operation of every resource class on this module's class path: the WAR's own and the modules'
 * (provided dependencies, as in the EAR's lib/). Fails the build when a resource escapes the scan; the system
 * test {@code OpenApiIT} checks the same against the deployed EAR.
 */
class GeneratedOpenApiTest {

    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Pattern PATH_LINE = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern VERB_LINE = Pattern.compile("^    (get|post|put|delete|patch|head|options):\\s*$");

    @Test
    void everyResourceOperationIsDocumented() throws IOException {
        Map<String, Set<String>> documented = documented(Path.of("target/classes/META-INF/openapi.yaml"));
        Set<String> expected = operations();
        assertTrue(expected.size() > 10, "found only " + expected);
        assertTrue(fromModuleJars > 0, "no resource of a module on the class path: " + expected);
        List<String> missing = new ArrayList<>();
        for (String op : expected) {
            String[] verbAndPath = op.split(" ", 2);
            if (!documented.getOrDefault(verbAndPath[1], Set.of()).contains(verbAndPath[0].toLowerCase())) {
                missing.add(op);
            }
        }
        assertTrue(missing.isEmpty(), "not in META-INF/openapi.yaml: " + missing);
    }

    /** path → lower-case verbs, from the YAML that SmallRye writes (two-space indentation). */
    private static Map<String, Set<String>> documented(Path yaml) throws IOException {
        Map<String, Set<String>> out = new HashMap<>();
        boolean inPaths = false;
        String current = null;
        for (String line : Files.readAllLines(yaml)) {
            if (!line.startsWith(" ")) {
                inPaths = line.startsWith("paths:");
                current = null;
                continue;
            }
            if (!inPaths) {
                continue;
            }
            Matcher p = PATH_LINE.matcher(line);
            if (p.matches()) {
                current = p.group(1).replaceAll("^\"|\"$", "");
                out.put(current, new HashSet<>());
                continue;
            }
            Matcher v = VERB_LINE.matcher(line);
            if (v.matches() && current != null) {
                out.get(current).add(v.group(1));
            }
        }
        return out;
    }

    /** Resource classes of the modules (outside this WAR's package). */
    private static int fromModuleJars;

    private static Set<String> operations() {
        Set<String> ops = new TreeSet<>();
        try (ScanResult scan = new ClassGraph().enableClassInfo().enableMethodInfo().enableAnnotationInfo()
                .acceptPackages("cz.safecity").scan()) {
            String base = scan.getClassesWithAnnotation("jakarta.ws.rs.ApplicationPath").stream()
                    .map(c -> value(c.getAnnotationInfo("jakarta.ws.rs.ApplicationPath"))).findFirst().orElse("/");
            for (ClassInfo type : scan.getClassesWithAnnotation("jakarta.ws.rs.Path")) {
                if (type.isInterface() || type.isAbstract() || type.getClasspathElementFile().getPath()
                        .contains("test-classes")) {
                    continue;
                }
                if (!type.getPackageName().startsWith("cz.safecity.web")) {
                    fromModuleJars++;
                }
                String classPath = value(type.getAnnotationInfo("jakarta.ws.rs.Path"));
                for (MethodInfo m : type.getDeclaredMethodInfo()) {
                    String verb = m.getAnnotationInfo().stream()
                            .map(a -> a.getName().substring(a.getName().lastIndexOf('.') + 1))
                            .filter(VERBS::contains).findFirst().orElse(null);
                    if (verb != null) {
                        AnnotationInfo sub = m.getAnnotationInfo("jakarta.ws.rs.Path");
                        ops.add(verb + " " + normalize(base, classPath, sub == null ? "" : value(sub)));
                    }
                }
            }
        }
        return ops;
    }

    private static String value(AnnotationInfo a) {
        Object v = a.getParameterValues().getValue("value");
        return v == null ? "" : v.toString();
    }

    private static String normalize(String... parts) {
        String joined = ("/" + String.join("/", parts))
                .replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
