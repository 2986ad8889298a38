package cz.safecity.stats.control;

/**
 * 95 % confidence intervals of survey shares: the Wilson score interval (Wilson 1927; Agresti &amp; Coull 1998),
 * which stays inside 0..1 and behaves for small samples and shares near 0 or 1, unlike p ± 1.96·√(p(1−p)/n).
 */
public final class Confidence {

    static final double Z95 = 1.959963984540054;

    private Confidence() {
    }

    /**
     * @param k successes (e.g. answers "rather" or "very unsafe")
     * @param n answers
     * @return {lower, upper} as fractions 0..1; {0, 1} when n is 0
     */
    public static double[] wilson(long k, long n) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** A fraction as a percentage with one decimal. */
    public static double percent(double fraction) {
        return Math.round(fraction * 1000) / 10.0;
    }
}
