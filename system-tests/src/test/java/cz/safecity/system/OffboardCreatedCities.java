package cz.safecity.system;

import static cz.safecity.system.SystemTestSupport.get;

import jakarta.json.JsonObject;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Offboards, after each top-level test class, every city the class created through {@link SystemTestSupport}
 * ({@code newCity}, or a {@code POST /api/cities} answering 201), then checks that none of them is still listed by
 * the public {@code GET /api/cities}; a failure fails the class. Registered for every test class by JUnit's extension
 * autodetection ({@code META-INF/services/org.junit.jupiter.api.extension.Extension},
 * {@code junit.jupiter.extensions.autodetection.enabled=true}), so new tests get it without doing anything. Runs
 * after the class's own {@code @AfterAll} methods. Test persons made with {@link TestStaff} are deleted too. {@code @Nested} classes leave their cities to the enclosing class.
 *
 * <p>The check is per class and about the class's own cities: other engineers' or processes' tests may create and
 * remove cities on the same stack at the same time, so "the list is exactly what it was" cannot be asserted.
 */
public class OffboardCreatedCities implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        if (type.isAnnotationPresent(Nested.class)
                || (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers()))) {
            return;
        }
        List<String> failures = new ArrayList<>(TestStaff.deleteCreated());
        List<String> cities = SystemTestSupport.takeCreated();
        for (String slug : cities) {
            try {
                SystemTestSupport.offboard(slug);
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        }
        List<String> listed = cities.isEmpty() ? List.of() : listed(cities);
        if (!listed.isEmpty()) {
            failures.add("still listed by GET /api/cities after offboarding: " + listed);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(type.getSimpleName() + " left cities behind: " + String.join("; ", failures));
        }
    }

    /** Which of {@code cities} the public list still shows (retried while the stack answers no JSON list). */
    private static List<String> listed(List<String> cities) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            try {
                return get("/api/cities", null).array().stream().map(v -> ((JsonObject) v).getString("slug"))
                        .filter(cities::contains).toList();
            } catch (RuntimeException e) {
                last = e;
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("GET /api/cities gave no list", last);
    }
}
