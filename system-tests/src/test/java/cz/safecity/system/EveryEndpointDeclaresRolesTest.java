package cz.safecity.system;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every resource method of every module and of the WAR declares who may call it ({@code @PermitAll},
 * {@code @RolesAllowed} or {@code @DenyAll}, on the method or its class). The edge filter refuses undeclared
 * methods at run time; this test finds them before deployment. Plain JUnit, no server needed.
 */
class EveryEndpointDeclaresRolesTest {

    @Test
    void everyResourceMethodDeclaresRoles() {
        List<String> undeclared = new ArrayList<>();
        int checked = 0;
        try (ScanResult scan = new ClassGraph().enableAnnotationInfo().enableClassInfo()
                .acceptPackages("cz.safecity").scan()) {
            for (ClassInfo info : scan.getClassesWithAnnotation(Path.class.getName())) {
                Class<?> type = info.loadClass();
                boolean classDeclares = type.isAnnotationPresent(PermitAll.class)
                        || type.isAnnotationPresent(RolesAllowed.class) || type.isAnnotationPresent(DenyAll.class);
                for (Method m : type.getDeclaredMethods()) {
                    boolean endpoint = Arrays.stream(m.getAnnotations())
                            .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
                    if (!endpoint) {
                        continue;
                    }
                    checked++;
                    boolean declares = m.isAnnotationPresent(PermitAll.class)
                            || m.isAnnotationPresent(RolesAllowed.class) || m.isAnnotationPresent(DenyAll.class);
                    if (!declares && !classDeclares) {
                        undeclared.add(type.getName() + "#" + m.getName());
                    }
                }
            }
        }
        assertTrue(checked > 5, "found only " + checked + " endpoints: is the class path right?");
        assertFalse(undeclared.size() > 0, "endpoints without role declaration: " + undeclared);
    }
}
