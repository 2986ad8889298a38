package cz.safecity.stats;

import cz.safecity.platform.module.Action;
import cz.safecity.platform.module.CityModule;
import cz.safecity.platform.module.Indicator;
import cz.safecity.platform.module.Setting;
import cz.safecity.platform.security.Roles;
import cz.safecity.platform.tenant.TenantId;
import cz.safecity.stats.control.StatsQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Manifest of the stats module: crime-record import and statistics per district × category × month, clearance
 * rate, feeling-of-safety surveys, the fear-vs-crime gap and the regional comparison. Tables {@code stats_*},
 * migrations {@code db/migration/stats}; plain JDBC on {@code jdbc/safecity} (bulk import and aggregate queries).
 */
@ApplicationScoped
public class StatsModule implements CityModule {

    public static final String ID = "stats";
    /** Setting: whether anonymous callers see clearance rates. */
    public static final String PUBLISH_CLEARANCE_RATE = "publishClearanceRate";
    /** Setting: public statistics suppress cells with fewer records (or survey answers) than this. */
    public static final String PUBLIC_MIN_COUNT = "publicMinCount";
    /** Setting: uploads up to this size are imported within the request (200); larger ones answer 202 + a job. */
    public static final String SYNC_IMPORT_MEGABYTES = "syncImportMegabytes";
    /** Setting: largest accepted upload. */
    public static final String MAX_IMPORT_MEGABYTES = "maxImportMegabytes";
    /** Setting: survey results of a district with fewer answers are marked {@code tooFew}. */
    public static final String SURVEY_MIN_ANSWERS = "surveyMinAnswers";
    /** Setting: answers one client may give per hour to an open (token-less) survey. */
    public static final String SURVEY_ANSWERS_PER_CLIENT_HOUR = "surveyAnswersPerClientHour";

    public static final Action IMPORT = new Action("stats.import", Set.of(Roles.CITY_ADMIN, Roles.POLICE_OFFICER));
    public static final Action READ_PUBLIC = new Action("stats.read-public", Set.of());
    public static final Action READ_EXACT = new Action("stats.read-exact", Set.of(Roles.CITY_ADMIN,
            Roles.POLICE_OFFICER, Roles.CONSTABLE, Roles.COUNCILLOR));
    public static final Action MANAGE_SURVEYS = new Action("stats.surveys.manage", Set.of(Roles.CITY_ADMIN));
    public static final Action ANSWER_SURVEY = new Action("stats.surveys.answer", Set.of());
    public static final Action COMPARE = new Action("stats.compare", Set.of(Roles.COORDINATOR, Roles.PLATFORM_ADMIN));

    public static final Indicator OFFENCES_PER_1000 = new Indicator("stats.offences-per-1000",
            "Recorded offences per 1,000 inhabitants", "per-1000");
    public static final Indicator CLEARANCE_RATE = new Indicator("stats.clearance-rate", "Clearance rate", "percent");
    public static final Indicator PERCEIVED_SAFETY = new Indicator("stats.perceived-safety",
            "Survey answers feeling safe (very or rather safe)", "percent");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Crime statistics and feeling of safety";
    }

    @Override
    public Set<Action> actions() {
        return Set.of(IMPORT, READ_PUBLIC, READ_EXACT, MANAGE_SURVEYS, ANSWER_SURVEY, COMPARE);
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.bool(PUBLISH_CLEARANCE_RATE, true), Setting.integer(PUBLIC_MIN_COUNT, 3),
                Setting.integer(SYNC_IMPORT_MEGABYTES, 8), Setting.integer(MAX_IMPORT_MEGABYTES, 1024),
                Setting.integer(SURVEY_MIN_ANSWERS, 30), Setting.integer(SURVEY_ANSWERS_PER_CLIENT_HOUR, 5));
    }

    @Override
    public List<Indicator> indicators() {
        return List.of(CLEARANCE_RATE, OFFENCES_PER_1000, PERCEIVED_SAFETY);
    }

    /** The indicators over the last 12 full months (city zone). */
    @Override
    public Map<String, Number> measure(TenantId city) {
        YearMonth last = YearMonth.now().minusMonths(1);
        return measure(city, last.minusMonths(11), last);
    }

    // The stores are looked up when used (no field or method signature names them), so that the manifest alone
    // deploys and is discovered (StatsModuleDiscoveryIT's micro-deployment holds only this class).
    @Override
    public Map<String, Number> measure(TenantId city, YearMonth from, YearMonth to) {
        return CDI.current().select(StatsQueries.class).get().indicators(city, from, to);
    }

    @Override
    public Map<String, Long> offboardPreview(TenantId city) {
        return CDI.current().select(StatsQueries.class).get().offboardPreview(city);
    }

    @Override
    public void offboard(TenantId city) {
        CDI.current().select(StatsQueries.class).get().offboard(city);
    }
}
