package cz.safecity.messaging.control;

import cz.safecity.platform.problem.ProblemException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A citizen's submission, validated. JSON shape ({@code POST .../messaging/matters}):
 * <pre>{"category":"noise", "text":"…", "location":{"lat":50.087,"lon":14.42}, "district":"P1-03",
 *  "to":"district"|"leadership", "contact":{"name":"…","email":"…","phone":"…"}, "consent":true, "locale":"cs"}</pre>
 * One of {@code location}, {@code district} or {@code "to":"leadership"} is required; {@code consent} must be true.
 * Text: 1–{@value #MAX_TEXT} characters (Unicode code points), stored as typed.
 */
public record Submission(String category, String text, Double lat, Double lon, String district, boolean toLeadership,
                         String name, String email, String phone, boolean consent, String locale, boolean demo,
                         String source) {

    public static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 200;
    static final int MAX_PHONE = 40;
    static final Set<String> LOCALES = Set.of("cs", "en");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,255}\\.[^@\\s<>\".]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{3,40}");

    /**
     * @throws ProblemException 400 for a wrong type or shape (naming the field), 422 for a text outside the limits,
     *                          missing consent or no addressee
     */
    public static Submission parse(JsonObject o, String defaultLocale) {
        String category = string(o, "category", 40, true);
        String text = text(o, "text");
        Double lat = null;
        Double lon = null;
        if (o.containsKey("location") && o.get("location").getValueType() != JsonValue.ValueType.NULL) {
            if (!(o.get("location") instanceof JsonObject loc)) {
                throw ProblemException.invalid("location", "must be an object {lat, lon}");
            }
            lat = number(loc, "location.lat", "lat", -90, 90);
            lon = number(loc, "location.lon", "lon", -180, 180);
        }
        String district = string(o, "district", 60, false);
        String to = string(o, "to", 20, false);
        if (to != null && !to.equals("district") && !to.equals("leadership")) {
            throw ProblemException.invalid("to", "must be district or leadership");
        }
        boolean toLeadership = "leadership".equals(to);
        String name = null;
        String email = null;
        String phone = null;
        if (o.containsKey("contact") && o.get("contact").getValueType() != JsonValue.ValueType.NULL) {
            if (!(o.get("contact") instanceof JsonObject c)) {
                throw ProblemException.invalid("contact", "must be an object {name, email, phone}");
            }
            name = string(c, "name", MAX_NAME, false, "contact.name");
            email = string(c, "email", 320, false, "contact.email");
            phone = string(c, "phone", MAX_PHONE, false, "contact.phone");
            email = checkEmail(email, "contact.email");
            if (phone != null && !PHONE.matcher(phone).matches()) {
                throw ProblemException.invalid("contact.phone", "is not a phone number");
            }
        }
        JsonValue consent = o.get("consent");
        if (consent != JsonValue.TRUE) {
            if (consent != null && consent != JsonValue.FALSE && consent != JsonValue.NULL) {
                throw ProblemException.invalid("consent", "must be true or false");
            }
            throw new ProblemException(422, "consent-required", "Consent required",
                    "consent: processing of the message needs the citizen's consent (true)", "consent");
        }
        String locale = string(o, "locale", 10, false);
        if (locale == null) {
            locale = LOCALES.contains(defaultLocale) ? defaultLocale : "cs";
        } else if (!LOCALES.contains(locale)) {
            throw ProblemException.invalid("locale", "must be cs or en");
        }
        boolean demo = o.get("demo") == JsonValue.TRUE;
        if (lat == null && district == null && !toLeadership) {
            throw new ProblemException(422, "addressee-required", "Addressee required",
                    "location: give a location, a district or \"to\":\"leadership\"", "location");
        }
        return new Submission(category, text, lat, lon, district, toLeadership, name, email, phone, true, locale,
                demo, "web");
    }

    /** Validates an optional e-mail address (blank → null). */
    public static String checkEmail(String email, String field) {
        if (email == null || email.isBlank()) {
            return null;
        }
        if (email.length() > 320 || !EMAIL.matcher(email.strip()).matches()) {
            throw ProblemException.invalid(field, "is not an e-mail address");
        }
        return email.strip();
    }

    /** Citizen or staff text: a string of 1–4000 characters, kept exactly as typed. */
    public static String text(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw textLimit(field, "is required");
        }
        if (!(v instanceof JsonString s)) {
            throw ProblemException.invalid(field, "must be a string");
        }
        return checkText(s.getString(), field);
    }

    /** Checks the 1–4000 character limit (code points); never truncates. */
    public static String checkText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw textLimit(field, "must not be empty (1–" + MAX_TEXT + " characters)");
        }
        int n = text.codePointCount(0, text.length());
        if (n > MAX_TEXT) {
            throw textLimit(field, "is " + n + " characters long; the limit is " + MAX_TEXT);
        }
        return text;
    }

    private static ProblemException textLimit(String field, String detail) {
        return new ProblemException(422, "text-limit", "Text outside the limits", field + ": " + detail, field)
                .with("limit", MAX_TEXT);
    }

    static String string(JsonObject o, String key, int max, boolean required) {
        return string(o, key, max, required, key);
    }

    static String string(JsonObject o, String key, int max, boolean required, String field) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw ProblemException.invalid(field, "is required");
            }
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw ProblemException.invalid(field, "must be a string");
        }
        String t = s.getString().strip();
        if (t.isEmpty()) {
            if (required) {
                throw ProblemException.invalid(field, "is required");
            }
            return null;
        }
        if (t.length() > max) {
            throw ProblemException.invalid(field, "is longer than " + max + " characters");
        }
        return t;
    }

    private static double number(JsonObject o, String field, String key, double min, double max) {
        JsonValue v = o.get(key);
        if (!(v instanceof JsonNumber n)) {
            throw ProblemException.invalid(field, "must be a number between " + (int) min + " and " + (int) max);
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d) || d < min || d > max) {
            throw ProblemException.invalid(field, d + " is out of range " + (int) min + " … " + (int) max);
        }
        return d;
    }

    /**
     * SHA-256 (hex) of what the citizen sent — category, text, place, addressee and contact — so that a retry with the
     * same {@code Idempotency-Key} can be told from a different message under the same key.
     */
    public String fingerprint() {
        String canonical = String.join("\u0000", String.valueOf(category), String.valueOf(text), String.valueOf(lat),
                String.valueOf(lon), String.valueOf(district), String.valueOf(toLeadership), String.valueOf(name),
                String.valueOf(email), String.valueOf(phone));
        return TrackingLinks.sha256Hex(canonical);
    }
}
