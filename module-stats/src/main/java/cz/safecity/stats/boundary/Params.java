package cz.safecity.stats.boundary;

import cz.safecity.platform.problem.ProblemException;

/** Parsing of query parameters into 400 problems that name the parameter. */
final class Params {

    private Params() {
    }

    /** true/false, default when absent. */
    static boolean flag(String field, String value, boolean dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.invalid(field, "'" + value + "' is not true or false");
        };
    }

    static long id(String what, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound(what, value);
        }
    }
}
