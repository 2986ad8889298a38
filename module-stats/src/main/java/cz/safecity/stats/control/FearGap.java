package cz.safecity.stats.control;

import cz.safecity.platform.contract.DistrictRef;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.TenantId;
import cz.safecity.stats.StatsModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fear-vs-crime gap ("emotional fear", seed): per district, perceived insecurity from the surveys of the period
 * beside recorded crime, each ranked within the city (rank 1 = most fear, most crime). A district in the top third
 * by fear and the bottom third by crime is flagged {@code high-fear-low-crime}; the reverse
 * {@code low-fear-high-crime}. Districts with fewer answers than {@code surveyMinAnswers} are ranked but marked
 * {@code tooFew} and not flagged. Crime per 1,000 inhabitants is given where a population is known: the platform
 * knows only the city's population, so districts are ranked by their recorded offences.
 */
@ApplicationScoped
public class FearGap {

    /** One district's line. */
    public record Line(String district, String name, String borough, long answers, Double unsafe,
                       double[] unsafeCi95, boolean tooFew, Long offences, Integer fearRank, Integer crimeRank,
                       String flag) {
    }

    /** The city's gap table; {@code crimePer1000} is the city's, for reference. */
    public record Gap(YearMonth from, YearMonth to, int districts, Double crimePer1000, List<Line> lines) {
    }

    @Inject
    Surveys surveys;
    @Inject
    StatsQueries queries;
    @Inject
    StatsSettings settings;

    /** The same gap with district offence counts under {@code min} left out (public answer; ranks stay). */
    public static Gap suppressed(Gap g, long min) {
        return new Gap(g.from(), g.to(), g.districts(), g.crimePer1000(), g.lines().stream()
                .map(l -> l.offences() != null && l.offences() > 0 && l.offences() < min ? new Line(l.district(),
                        l.name(), l.borough(), l.answers(), l.unsafe(), l.unsafeCi95(), l.tooFew(), null, l.fearRank(),
                        l.crimeRank(), l.flag()) : l).toList());
    }

    public Gap gap(TenantId city, YearMonth from, YearMonth to) {
        long min = settings.integer(city, StatsModule.SURVEY_MIN_ANSWERS);
        Map<String, DistrictRef> refs = new LinkedHashMap<>();
        try {
            settings.directory(city).districts(city, to.atEndOfMonth()).forEach(d -> refs.put(d.code(), d));
        } catch (ProblemException e) {
            // no districts: empty table
        }
        Map<String, long[]> fear = surveys.fear(city, from, to);
        Map<String, Long> crime = new LinkedHashMap<>();
        for (StatsQueries.CountRow r : queries.crimes(city, from, to, "district")) {
            if (r.key() != null) {
                crime.put(r.key(), r.count());
            }
        }
        List<String> codes = new ArrayList<>(refs.keySet());
        List<String> byFear = codes.stream().filter(c -> fear.containsKey(c))
                .sorted(Comparator.comparingDouble((String c) -> -share(fear.get(c))).thenComparing(c -> c)).toList();
        List<String> byCrime = codes.stream()
                .sorted(Comparator.comparingLong((String c) -> -crime.getOrDefault(c, 0L)).thenComparing(c -> c))
                .toList();
        int n = codes.size();
        List<Line> lines = new ArrayList<>();
        for (String c : codes) {
            long[] f = fear.get(c);
            long answers = f == null ? 0 : f[0];
            boolean tooFew = answers < min;
            Integer fr = f == null ? null : byFear.indexOf(c) + 1;
            int cr = byCrime.indexOf(c) + 1;
            String flag = null;
            if (fr != null && !tooFew && n >= 3) {
                boolean highFear = fr <= Math.ceil(byFear.size() / 3.0);
                boolean lowFear = fr > byFear.size() - Math.ceil(byFear.size() / 3.0);
                boolean highCrime = cr <= Math.ceil(n / 3.0);
                boolean lowCrime = cr > n - Math.ceil(n / 3.0);
                flag = highFear && lowCrime ? "high-fear-low-crime" : lowFear && highCrime ? "low-fear-high-crime"
                        : null;
            }
            double[] ci = f == null ? null : Confidence.wilson(f[1], f[0]);
            DistrictRef ref = refs.get(c);
            lines.add(new Line(c, ref.name(), ref.borough(), answers,
                    f == null ? null : Confidence.percent(share(f)),
                    ci == null ? null : new double[] {Confidence.percent(ci[0]), Confidence.percent(ci[1])}, tooFew,
                    crime.getOrDefault(c, 0L), fr, cr, flag));
        }
        return new Gap(from, to, n, queries.figures(city, from, to).per1000(), lines);
    }

    private static double share(long[] f) {
        return f[0] == 0 ? 0 : (double) f[1] / f[0];
    }
}
