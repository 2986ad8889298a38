package cz.safecity.districts.control;

import cz.safecity.platform.problem.ProblemException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which GeoJSON feature properties become a district's code, name and borough, chosen at import. A property gives
 * a value directly; a template composes one from several properties with {@code {property}} placeholders, e.g.
 * Praha's {@code okrsek} is unique only within borough {@code mc_praha}: {@code codeTemplate={mc_praha}-{okrsek}},
 * {@code nameTemplate=Praha {mc_praha} – okrsek {okrsek}}. A template wins over a property. Property values that
 * are numbers are used in their JSON form ({@code 554791}, {@code 12}).
 *
 * @param codeProperty    property holding the district code
 * @param codeTemplate    template composing the code
 * @param nameProperty    property holding the name (default: the code)
 * @param nameTemplate    template composing the name
 * @param boroughProperty property holding the code of the district's borough (null: no borough)
 */
public record FeatureMapping(String codeProperty, String codeTemplate, String nameProperty, String nameTemplate,
                             String boroughProperty) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    /** Allowed shape of a district or borough code: letters, digits, '.', '_', '~', '-'; 1–60 characters. */
    public static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._~-]{1,60}");

    /** A property the feature lacks, or a value that is not a usable code. */
    public static final class MappingException extends Exception {
        public MappingException(String reason) {
            super(reason);
        }
    }

    /**
     * Checks the mapping itself.
     *
     * @throws ProblemException 400 naming {@code codeProperty} when neither code property nor template is given,
     *                          or the template with no placeholder
     */
    public FeatureMapping validated() {
        if (blank(codeProperty) && blank(codeTemplate)) {
            throw ProblemException.invalid("codeProperty", "give codeProperty or codeTemplate");
        }
        for (String[] t : new String[][] {{"codeTemplate", codeTemplate}, {"nameTemplate", nameTemplate}}) {
            if (!blank(t[1]) && !PLACEHOLDER.matcher(t[1]).find()) {
                throw ProblemException.invalid(t[0], "has no {property} placeholder");
            }
        }
        return this;
    }

    /** The district code of a feature. */
    public String code(JsonObject properties) throws MappingException {
        String code = blank(codeTemplate) ? value(properties, codeProperty) : fill(codeTemplate, properties);
        code = code.strip();
        if (!CODE.matcher(code).matches()) {
            throw new MappingException("code '" + code + "' is not 1–60 letters, digits, '.', '_', '~' or '-'");
        }
        return code;
    }

    /** The district name of a feature; the code when no name mapping is given. */
    public String name(JsonObject properties, String code) throws MappingException {
        String name;
        if (!blank(nameTemplate)) {
            name = fill(nameTemplate, properties);
        } else if (!blank(nameProperty)) {
            name = value(properties, nameProperty);
        } else {
            name = code;
        }
        name = name.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new MappingException("name must be 1–200 characters");
        }
        return name;
    }

    /** The borough code of a feature, or null without a borough mapping. */
    public String borough(JsonObject properties) throws MappingException {
        return blank(boroughProperty) ? null : value(properties, boroughProperty).strip();
    }

    private static String fill(String template, JsonObject properties) throws MappingException {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(properties, m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(JsonObject properties, String key) throws MappingException {
        JsonValue v = properties.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            throw new MappingException("property '" + key + "' is missing");
        }
        if (v instanceof JsonString s) {
            if (s.getString().isBlank()) {
                throw new MappingException("property '" + key + "' is empty");
            }
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        if (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE) {
            return v.toString();
        }
        throw new MappingException("property '" + key + "' is not a string or number");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
