package cz.safecity.platform.json;

import cz.safecity.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and validates the members of a JSON request body. Every failure is a 400 problem naming the member (so a
 * wrong type, a bad e-mail or a too-long text all say which field). Text is kept exactly as sent, never trimmed or
 * truncated; a blank string counts as absent.
 */
public final class Inputs {

    /** {@code local@domain.tld}, no spaces, one {@code @}. Deliberately simple: the address is shown, not mailed. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    /** Digits with optional leading {@code +} and spaces, dashes, dots or parentheses between them. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]*[0-9]");

    private final JsonObject body;

    private Inputs(JsonObject body) {
        this.body = body;
    }

    /** @throws ProblemException 400 naming {@code body} when there is no JSON object */
    public static Inputs of(JsonObject body) {
        if (body == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        return new Inputs(body);
    }

    /**
     * Parses a request body sent as text: anything but one JSON object (an array, a number, malformed JSON,
     * nothing) is a 400 naming {@code body}.
     */
    public static Inputs parse(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            JsonValue v = r.readValue();
            if (v instanceof JsonObject o) {
                return new Inputs(o);
            }
            throw ProblemException.invalid("body", "must be a JSON object, not "
                    + v.getValueType().name().toLowerCase(java.util.Locale.ROOT));
        } catch (JsonException | IllegalStateException e) {
            throw ProblemException.invalid("body", "not valid JSON: " + e.getMessage());
        }
    }

    /** Reads a nested object member with the same rules (field names are not prefixed). */
    public Inputs nested(String field) {
        JsonObject o = object(field);
        return o == null ? null : new Inputs(o);
    }

    /** The members of an array member that must hold JSON objects; empty when absent. */
    public List<Inputs> objects(String field, int max) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray a)) {
            throw ProblemException.invalid(field, "must be an array");
        }
        if (a.size() > max) {
            throw ProblemException.invalid(field, "at most " + max + " entries (got " + a.size() + ")");
        }
        java.util.ArrayList<Inputs> out = new java.util.ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.get(i) instanceof JsonObject o)) {
                throw ProblemException.invalid(field + "[" + i + "]", "must be a JSON object");
            }
            out.add(new Inputs(o));
        }
        return out;
    }

    /** The string members of an array member; empty when absent. */
    public List<String> texts(String field, int maxEntries, int maxLength) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray a)) {
            throw ProblemException.invalid(field, "must be an array of strings");
        }
        if (a.size() > maxEntries) {
            throw ProblemException.invalid(field, "at most " + maxEntries + " entries (got " + a.size() + ")");
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (JsonValue e : a) {
            if (!(e instanceof JsonString s) || s.getString().isBlank() || s.getString().length() > maxLength) {
                throw ProblemException.invalid(field, "entries must be non-blank strings of at most " + maxLength
                        + " characters");
            }
            out.add(s.getString());
        }
        return out;
    }

    /** A local date-time member ({@code YYYY-MM-DDTHH:MM[:SS]}, city zone); null when absent. */
    public LocalDateTime localDateTime(String field) {
        String value = text(field, 30);
        return value == null ? null : localDateTime(field, value);
    }

    /** Parses a local date-time ({@code YYYY-MM-DDTHH:MM[:SS]}) from a member or path parameter. */
    public static LocalDateTime localDateTime(String field, String value) {
        try {
            return LocalDateTime.parse(value).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + value + "' is not a local date-time (YYYY-MM-DDTHH:MM)");
        }
    }

    /** A required member; 400 when absent. */
    public <T> T required(String field, T value) {
        if (value == null) {
            throw ProblemException.invalid(field, "is required");
        }
        return value;
    }

    /** Whether the member is present and not null. */
    public boolean has(String field) {
        JsonValue v = body.get(field);
        return v != null && v.getValueType() != JsonValue.ValueType.NULL;
    }

    /**
     * A string member; null when absent, null or blank.
     *
     * @param max maximum length in characters (UTF-16 code units, as the database column counts them)
     */
    public String text(String field, int max) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw ProblemException.invalid(field, "must be a string");
        }
        String value = s.getString();
        if (value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ProblemException.invalid(field, "at most " + max + " characters (got " + value.length() + ")");
        }
        return value;
    }

    /** A required string member; 400 when absent or blank. */
    public String requiredText(String field, int max) {
        String value = text(field, max);
        if (value == null) {
            throw ProblemException.invalid(field, "is required");
        }
        return value;
    }

    /** A string member that must be one of {@code allowed}; null when absent. */
    public String oneOf(String field, List<String> allowed) {
        String value = text(field, 100);
        if (value != null && !allowed.contains(value)) {
            throw ProblemException.invalid(field, "'" + value + "' is not one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** An ISO date ({@code YYYY-MM-DD}) member; null when absent. */
    public LocalDate date(String field) {
        String value = text(field, 10);
        return value == null ? null : date(field, value);
    }

    /** Parses an ISO date from a member or query parameter named {@code field}. */
    public static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + value + "' is not an ISO date (YYYY-MM-DD)");
        }
    }

    /** A number member; null when absent. */
    public Double number(String field) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber n)) {
            throw ProblemException.invalid(field, "must be a number");
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            throw ProblemException.invalid(field, "must be a finite number");
        }
        return d;
    }

    /** A required number within [min, max]. */
    public double number(String field, double min, double max) {
        Double d = number(field);
        if (d == null) {
            throw ProblemException.invalid(field, "is required");
        }
        if (d < min || d > max) {
            throw ProblemException.invalid(field, d + " is outside [" + min + ", " + max + "]");
        }
        return d;
    }

    /** A whole number member; null when absent. */
    public Integer integer(String field, int min, int max) {
        Double d = number(field);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || d < min || d > max) {
            throw ProblemException.invalid(field, "must be a whole number in [" + min + ", " + max + "]");
        }
        return d.intValue();
    }

    /** A boolean member; {@code otherwise} when absent. */
    public boolean bool(String field, boolean otherwise) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return otherwise;
        }
        if (v.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (v.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw ProblemException.invalid(field, "must be true or false");
    }

    /** A JSON object member; null when absent. */
    public JsonObject object(String field) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonObject o)) {
            throw ProblemException.invalid(field, "must be a JSON object");
        }
        return o;
    }

    /** An e-mail address member (at most 254 characters); null when absent. */
    public String email(String field) {
        String value = text(field, 254);
        if (value != null && !EMAIL.matcher(value).matches()) {
            throw ProblemException.invalid(field, "'" + value + "' is not an e-mail address");
        }
        return value;
    }

    /** An absolute http(s) URL member (at most 500 characters); null when absent. */
    public String url(String field) {
        String value = text(field, 500);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ProblemException.invalid(field, "must be an absolute http or https URL");
            }
            return value;
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(field, "'" + value + "' is not a URL");
        }
    }

    /** A phone number member (at most 40 characters, 3–15 digits); null when absent. */
    public String phone(String field) {
        String value = text(field, 40);
        if (value == null) {
            return null;
        }
        long digits = value.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(value).matches() || digits < 3 || digits > 15) {
            throw ProblemException.invalid(field, "'" + value + "' is not a phone number (digits, optional leading +,"
                    + " spaces; 3–15 digits)");
        }
        return value;
    }
}
