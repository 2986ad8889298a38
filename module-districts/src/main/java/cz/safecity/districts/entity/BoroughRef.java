package cz.safecity.districts.entity;

/**
 * A borough as shown on cards and lists.
 *
 * @param code  code, unique in the city, e.g. {@code 3}
 * @param name  e.g. {@code Plzeň 3}
 * @param level its hierarchy level key, e.g. {@code borough}
 */
public record BoroughRef(String code, String name, String level) {

    public static BoroughRef of(Borough b) {
        return b == null ? null : new BoroughRef(b.code(), b.name(), b.level());
    }
}
