package cz.safecity.web.control;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Bean Validation failures → 400 problem. {@code field} names the first offending input as a dotted path
 * inside the request body (e.g. {@code name}, {@code members[0].email}) or the query/path parameter name;
 * {@code errors} lists all of them.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(Map.of("field", field(v), "detail", v.getMessage())));
        if (errors.isEmpty()) {
            return Problems.of(400, "invalid-input", "Invalid input", e.getMessage(), null);
        }
        Map<String, String> first = errors.get(0);
        var p = new cz.safecity.platform.problem.ProblemException(400, "invalid-input", "Invalid input",
                first.get("field") + ": " + first.get("detail"), first.get("field"));
        p.with("errors", errors);
        return Problems.of(p);
    }

    /** Drops the method and the body parameter from the path: {@code create.request.name} → {@code name}. */
    static String field(ConstraintViolation<?> v) {
        StringBuilder out = new StringBuilder();
        String parameter = null;
        for (Path.Node n : v.getPropertyPath()) {
            if (n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.CONSTRUCTOR
                    || n.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (n.getKind() == ElementKind.PARAMETER) {
                parameter = n.getName();
                continue;
            }
            if (n.getIndex() != null && out.length() > 0) {
                out.append('[').append(n.getIndex()).append(']');
            } else if (n.getKey() != null && out.length() > 0) {
                out.append('[').append(n.getKey()).append(']');
            }
            if (n.getName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(n.getName());
            }
        }
        return out.length() > 0 ? out.toString() : parameter != null ? parameter : "body";
    }
}
