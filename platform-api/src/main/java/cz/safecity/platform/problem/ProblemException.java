package cz.safecity.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error that reaches the client as an RFC 9457 problem ({@code application/problem+json}).
 * The {@code type} is a short slug, published as {@code https://safecity.cz/problems/<slug>}; {@code field}
 * names the offending input (JSON pointer-ish dotted path or query parameter) for validation errors.
 * {@code extensions} become extra members of the problem object (e.g. {@code errors}, {@code nearest}).
 */
public class ProblemException extends RuntimeException {

    public static final String TYPE_BASE = "https://safecity.cz/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String type, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
    }

    /** 400 for one bad input field. */
    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(400, "invalid-input", "Invalid input", field + ": " + detail, field);
    }

    /** 404: the object does not exist in this city (also when it belongs to another city). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist in this city.",
                null);
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String detail, String field) {
        return new ProblemException(409, "conflict", "Conflict", detail, field);
    }

    /** 422 with a list of error objects (e.g. {@code {index, reason}}) under {@code errors}. */
    public static ProblemException unprocessable(String title, String detail, List<? extends Map<String, ?>> errors) {
        return new ProblemException(422, "unprocessable", title, detail, null).with("errors", errors);
    }

    /** Adds an extension member to the problem object. */
    public ProblemException with(String key, Object value) {
        extensions.put(key, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String type() {
        return TYPE_BASE + type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public String field() {
        return field;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
