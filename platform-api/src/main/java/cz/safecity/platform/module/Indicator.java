package cz.safecity.platform.module;

/**
 * A statistic a module contributes, e.g. {@code districts.count}.
 *
 * @param key   dotted key, prefixed by the module id
 * @param title human title (English)
 * @param unit  unit of the value, e.g. {@code count}, {@code percent}, {@code hours}
 */
public record Indicator(String key, String title, String unit) {
}
