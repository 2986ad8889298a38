package cz.safecity.platform.module;

import java.time.Duration;

/**
 * One per-city setting of a module, with its type and default.
 *
 * @param key          camelCase key in the settings JSON object
 * @param type         value type
 * @param defaultValue default (Integer, Boolean, String, or ISO 8601 duration string for DURATION)
 */
public record Setting(String key, Type type, Object defaultValue) {

    public enum Type { INTEGER, BOOLEAN, STRING, DURATION }

    public static Setting integer(String key, int defaultValue) {
        return new Setting(key, Type.INTEGER, defaultValue);
    }

    public static Setting bool(String key, boolean defaultValue) {
        return new Setting(key, Type.BOOLEAN, defaultValue);
    }

    public static Setting string(String key, String defaultValue) {
        return new Setting(key, Type.STRING, defaultValue);
    }

    public static Setting duration(String key, Duration defaultValue) {
        return new Setting(key, Type.DURATION, defaultValue.toString());
    }
}
