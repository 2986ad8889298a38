package cz.safecity.districts.boundary;

import cz.safecity.platform.problem.ProblemException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Parsing of query parameters into 400 problems that name the parameter. */
final class Params {

    /** GeoJSON media type (RFC 7946 §12). */
    static final String GEO_JSON = "application/geo+json";

    private Params() {
    }

    /** WGS84 latitude in degrees, −90…90. */
    static double latitude(String value) {
        return number("lat", value, -90, 90);
    }

    /** WGS84 longitude in degrees, −180…180. */
    static double longitude(String value) {
        return number("lon", value, -180, 180);
    }

    static double number(String field, String value, double min, double max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "is required (a number between " + fmt(min) + " and " + fmt(max)
                    + ")");
        }
        double d;
        try {
            d = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "'" + value + "' is not a number");
        }
        if (!Double.isFinite(d) || d < min || d > max) {
            throw ProblemException.invalid(field, value + " is out of range " + fmt(min) + " … " + fmt(max));
        }
        return d;
    }

    /** An optional number with a default. */
    static double number(String field, String value, double min, double max, double dflt) {
        return value == null || value.isBlank() ? dflt : number(field, value, min, max);
    }

    /** An ISO date (YYYY-MM-DD); today in the city's zone when absent. */
    static LocalDate date(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(zone);
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + value + "' is not an ISO date (YYYY-MM-DD)");
        }
    }

    /** true/false, default when absent. */
    static boolean flag(String field, String value, boolean dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        return switch (value.strip().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.invalid(field, "'" + value + "' is not true or false");
        };
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
