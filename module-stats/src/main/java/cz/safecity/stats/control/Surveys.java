package cz.safecity.stats.control;

import cz.safecity.platform.contract.DistrictDirectory;
import cz.safecity.platform.contract.DistrictRef;
import cz.safecity.platform.contract.RiskPlaceIntake;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantId;
import cz.safecity.platform.time.PlatformClock;
import cz.safecity.stats.StatsModule;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Feeling-of-safety surveys: a survey per city and period with the standard item (4-point scale) and per-district
 * questions (4-point scale), anonymous answers (one per invitation token, or rate-limited per client when open), an
 * answer window in the city's zone, results per district with sample size and 95 % confidence interval, and risk
 * places marked by respondents (to the districts module, source {@code survey}).
 */
@ApplicationScoped
public class Surveys {

    /** The standard item (the seed's feeling-of-safety survey). */
    public static final String STANDARD_ITEM = "How safe do you feel walking alone in your area after dark?";
    /** Its scale, 1..4. */
    public static final List<String> SCALE = List.of("very safe", "rather safe", "rather unsafe", "very unsafe");
    static final int MAX_QUESTIONS = 50;
    static final int MAX_RISK_PLACES = 5;
    static final int MAX_TEXT = 1000;
    static final int MAX_TOKENS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A per-district question (answered on the same 4-point scale); {@code districts} null = every district. */
    public record Question(String key, String text, List<String> districts) {
    }

    /** A new survey; times are local date-times in the city's zone. */
    public record NewSurvey(String title, String periodFrom, String periodTo, String opensAt, String closesAt,
                            String access, List<Question> questions, Boolean demo) {
    }

    /**
     * A survey as shown.
     *
     * @param status upcoming | open | closed, by the city's (test) clock
     */
    public record Survey(long id, String title, YearMonth periodFrom, YearMonth periodTo, LocalDateTime opensAt,
                         LocalDateTime closesAt, String zone, Instant opensAtUtc, Instant closesAtUtc, String access,
                         String status, String standardItem, List<String> scale, List<Question> questions,
                         boolean demo) {
    }

    /** A marked risk place. */
    public record MarkedPlace(Double lat, Double lon, String description) {
    }

    /** One answer; {@code district} code or {@code lat}/{@code lon} says where the respondent lives. */
    public record Answer(String token, String district, Double lat, Double lon, Integer safety,
                         Map<String, Integer> answers, List<MarkedPlace> riskPlaces) {
    }

    /** What an accepted answer created. */
    public record Accepted(String district, List<Long> riskPlaces) {
    }

    @Resource(lookup = "jdbc/safecity")
    DataSource db;
    @Inject
    PlatformClock clock;
    @Inject
    StatsSettings settings;
    @Inject
    Instance<RiskPlaceIntake> intake;

    /** Creates a survey. 400 naming the field for bad input. */
    public Survey create(Tenant city, NewSurvey s, String actor) {
        if (s == null) {
            throw ProblemException.invalid("body", "a survey object is required");
        }
        String title = text("title", s.title(), 200, true);
        YearMonth from = StatsQueries.month("periodFrom", required("periodFrom", s.periodFrom()), null);
        YearMonth to = StatsQueries.month("periodTo", required("periodTo", s.periodTo()), null);
        if (to.isBefore(from)) {
            throw ProblemException.invalid("periodTo", "must not be before periodFrom");
        }
        LocalDateTime opens = localTime("opensAt", s.opensAt());
        LocalDateTime closes = localTime("closesAt", s.closesAt());
        Instant opensUtc = opens.atZone(city.zone()).toInstant();
        Instant closesUtc = closes.atZone(city.zone()).toInstant();
        if (!closesUtc.isAfter(opensUtc)) {
            throw ProblemException.invalid("closesAt", "must be after opensAt");
        }
        String access = s.access() == null ? "open" : s.access();
        if (!access.equals("open") && !access.equals("invitation")) {
            throw ProblemException.invalid("access", "open or invitation");
        }
        List<Question> questions = s.questions() == null ? List.of() : s.questions();
        if (questions.size() > MAX_QUESTIONS) {
            throw ProblemException.invalid("questions", "at most " + MAX_QUESTIONS);
        }
        JsonArrayBuilder qs = Json.createArrayBuilder();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String key = text("questions[" + i + "].key", q.key(), 40, true);
            if (!key.matches("[a-z0-9][a-z0-9-]*") || !keys.add(key)) {
                throw ProblemException.invalid("questions[" + i + "].key", "lower-case letters, digits and '-', "
                        + "unique");
            }
            JsonObjectBuilder o = Json.createObjectBuilder().add("key", key)
                    .add("text", text("questions[" + i + "].text", q.text(), 500, true));
            if (q.districts() != null) {
                JsonArrayBuilder ds = Json.createArrayBuilder();
                q.districts().forEach(ds::add);
                o.add("districts", ds);
            }
            qs.add(o);
        }
        long id = Jdbc.list(db, "insert into stats_survey (tenant_id, title, period_from, period_to, opens_at, "
                        + "closes_at, access, questions, demo, created_at, created_by) values (?,?,?,?,?,?,?,?,?,?,?) "
                        + "returning id", r -> r.getLong(1), city.slug(), title, from.atDay(1), to.atDay(1),
                Timestamp.from(opensUtc), Timestamp.from(closesUtc), access, qs.build().toString(),
                Boolean.TRUE.equals(s.demo()), Timestamp.from(Instant.now()), actor).get(0);
        return find(city, id).orElseThrow();
    }

    public List<Survey> list(Tenant city) {
        return Jdbc.list(db, SELECT + " where tenant_id = ? order by period_from desc, id desc",
                r -> view(city, r), city.slug());
    }

    public Optional<Survey> find(Tenant city, long id) {
        return Jdbc.list(db, SELECT + " where tenant_id = ? and id = ?", r -> view(city, r), city.slug(), id)
                .stream().findFirst();
    }

    public Survey require(Tenant city, long id) {
        return find(city, id).orElseThrow(() -> ProblemException.notFound("Survey", id));
    }

    private static final String SELECT = "select id, title, period_from, period_to, opens_at, closes_at, access, "
            + "questions, demo from stats_survey";

    private Survey view(Tenant city, java.sql.ResultSet r) throws java.sql.SQLException {
        ZoneId zone = city.zone();
        Instant opens = r.getTimestamp(5).toInstant();
        Instant closes = r.getTimestamp(6).toInstant();
        Instant now = clock.now(city.id());
        String status = now.isBefore(opens) ? "upcoming" : now.isBefore(closes) ? "open" : "closed";
        List<Question> qs = new ArrayList<>();
        for (JsonValue v : Json.createReader(new StringReader(r.getString(8))).readArray()) {
            JsonObject o = v.asJsonObject();
            List<String> ds = o.containsKey("districts")
                    ? o.getJsonArray("districts").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString).toList() : null;
            qs.add(new Question(o.getString("key"), o.getString("text"), ds));
        }
        return new Survey(r.getLong(1), r.getString(2), YearMonth.from(r.getDate(3).toLocalDate()),
                YearMonth.from(r.getDate(4).toLocalDate()), LocalDateTime.ofInstant(opens, zone),
                LocalDateTime.ofInstant(closes, zone), zone.getId(), opens, closes, r.getString(7), status,
                STANDARD_ITEM, SCALE, qs, r.getBoolean(9));
    }

    /** New invitation tokens (returned once; only their hashes are kept). */
    public List<String> invite(Tenant city, long surveyId, int count) {
        Survey s = require(city, surveyId);
        if (!s.access().equals("invitation")) {
            throw ProblemException.conflict("survey " + surveyId + " is open to all; it takes no invitations",
                    "access");
        }
        if (count < 1 || count > MAX_TOKENS) {
            throw ProblemException.invalid("count", "1.." + MAX_TOKENS);
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] b = new byte[18];
            RANDOM.nextBytes(b);
            String t = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            tokens.add(t);
            Jdbc.update(db, "insert into stats_survey_token (tenant_id, survey_id, token_hash) values (?,?,?)",
                    city.slug(), surveyId, sha256(t));
        }
        return tokens;
    }

    /**
     * Records an anonymous answer (inside the caller's transaction, so a refused risk place undoes it).
     *
     * @param client the client's address (only for the rate limit of open surveys; stored as a salted hash apart
     *               from the answer), or null for staff-entered paper answers
     * @throws ProblemException 409 outside the answer window, 403 without a valid unused token, 429 over the rate
     *                          limit, 400/422 for bad answers or places outside the city
     */
    @Transactional
    public Accepted answer(Tenant city, long surveyId, Answer a, String client, boolean paper) {
        Survey s = require(city, surveyId);
        Instant now = clock.now(city.id());
        if (!paper && !s.status().equals("open")) {
            throw new ProblemException(409, "survey-" + s.status(), "Survey " + s.status(), "The survey is "
                    + s.status() + ": answers are taken from " + s.opensAt() + " to " + s.closesAt() + " ("
                    + s.zone() + ").", null);
        }
        if (a == null || a.safety() == null || a.safety() < 1 || a.safety() > 4) {
            throw ProblemException.invalid("safety", "the standard item's answer, 1 (very safe) … 4 (very unsafe)");
        }
        DistrictDirectory dir = settings.directory(city.id());
        // answers are about the survey's period: the districts in force at its end (as the results show them)
        LocalDate today = s.periodTo().atEndOfMonth();
        String district;
        if (a.district() != null && !a.district().isBlank()) {
            district = dir.district(city.id(), a.district(), today).map(DistrictRef::code)
                    .orElseThrow(() -> ProblemException.invalid("district", "no district '" + a.district()
                            + "' in this city"));
        } else if (a.lat() != null && a.lon() != null) {
            if (Math.abs(a.lat()) > 90 || Math.abs(a.lon()) > 180) {
                throw ProblemException.invalid("lat", "WGS84 degrees");
            }
            district = dir.locate(city.id(), a.lat(), a.lon(), today).map(d -> d.district().code())
                    .orElseThrow(() -> new ProblemException(422, "outside-city", "Outside the city's districts",
                            "No district of this city contains the given place.", "lat"));
        } else {
            throw ProblemException.invalid("district", "a district code or lat/lon is required");
        }
        Map<String, Integer> answers = a.answers() == null ? Map.of() : a.answers();
        JsonObjectBuilder stored = Json.createObjectBuilder();
        for (var e : answers.entrySet()) {
            Question q = s.questions().stream().filter(x -> x.key().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> ProblemException.invalid("answers." + e.getKey(), "no such question"));
            if (q.districts() != null && !q.districts().contains(district)) {
                throw ProblemException.invalid("answers." + e.getKey(), "not asked in district " + district);
            }
            if (e.getValue() == null || e.getValue() < 1 || e.getValue() > 4) {
                throw ProblemException.invalid("answers." + e.getKey(), "1..4");
            }
            stored.add(e.getKey(), e.getValue());
        }
        List<MarkedPlace> places = a.riskPlaces() == null ? List.of() : a.riskPlaces();
        if (places.size() > MAX_RISK_PLACES) {
            throw ProblemException.invalid("riskPlaces", "at most " + MAX_RISK_PLACES);
        }
        if (!paper) {
            gate(city, s, a.token(), client, now);
        }
        long responseId = Jdbc.list(db, "insert into stats_survey_response (tenant_id, survey_id, district_code, "
                        + "safety, answers, risk_places, demo, submitted_at) values (?,?,?,?,?,?,?,?) returning id",
                r -> r.getLong(1), city.slug(), surveyId, district, a.safety(), stored.build().toString(),
                places.size(), s.demo(), Timestamp.from(now)).get(0);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            MarkedPlace p = places.get(i);
            if (p == null || p.lat() == null || p.lon() == null || Math.abs(p.lat()) > 90
                    || Math.abs(p.lon()) > 180) {
                throw ProblemException.invalid("riskPlaces[" + i + "]", "lat and lon in WGS84 degrees");
            }
            String d = text("riskPlaces[" + i + "].description", p.description(), MAX_TEXT, true);
            if (intake.isUnsatisfied()) {
                throw new ProblemException(409, "districts-unavailable", "Districts unavailable",
                        "Risk places cannot be recorded: the districts module is not deployed.", null);
            }
            try {
                ids.add(intake.get().report(city.id(), p.lat(), p.lon(), s.demo() ? d + " (demo)" : d, "survey",
                        "survey:" + surveyId + ":" + responseId));
            } catch (ProblemException e) {
                throw new ProblemException(e.status(), "risk-place-refused", e.title(), "riskPlaces[" + i + "]: "
                        + e.detail(), "riskPlaces[" + i + "]");
            }
        }
        return new Accepted(district, ids);
    }

    /** One answer per invitation token; open surveys: at most the setting's answers per client and hour. */
    private void gate(Tenant city, Survey s, String token, String client, Instant now) {
        if (s.access().equals("invitation")) {
            if (token == null || token.isBlank()) {
                throw new ProblemException(403, "invitation-required", "Invitation required",
                        "This survey is answered with an invitation token.", "token");
            }
            int used = Jdbc.update(db, "update stats_survey_token set used_at = ? where survey_id = ? and "
                    + "token_hash = ? and used_at is null", Timestamp.from(now), s.id(), sha256(token));
            if (used == 0) {
                throw new ProblemException(403, "invitation-used", "Invitation not valid",
                        "The token is unknown or was already used.", "token");
            }
            return;
        }
        String hash = sha256("stats-survey:" + s.id() + ":" + s.opensAtUtc() + ":" + client);
        long recent = Jdbc.count(db, "select count(*) from stats_survey_client where survey_id = ? and "
                + "client_hash = ? and at > ?", s.id(), hash, Timestamp.from(now.minusSeconds(3600)));
        long limit = settings.integer(city.id(), StatsModule.SURVEY_ANSWERS_PER_CLIENT_HOUR);
        if (recent >= limit) {
            throw new ProblemException(429, "too-many-answers", "Too many answers",
                    "At most " + limit + " answers per client and hour (setting surveyAnswersPerClientHour).", null);
        }
        Jdbc.update(db, "insert into stats_survey_client (tenant_id, survey_id, client_hash, at) values (?,?,?,?)",
                city.slug(), s.id(), hash, Timestamp.from(now));
    }

    /**
     * Results of one district (or the whole city, district null).
     *
     * @param answers     sample size
     * @param unsafe      share answering "rather" or "very unsafe", percent
     * @param unsafeCi95  95 % Wilson interval of that share, percent
     * @param meanScore   mean of the 1..4 answers
     * @param tooFew      fewer answers than the {@code surveyMinAnswers} setting: shown, but not reliable
     * @param questions   per-district question key → {answers, meanScore}
     */
    public record DistrictResult(String district, String name, long answers, Double unsafe, double[] unsafeCi95,
                                 Double meanScore, boolean tooFew, Map<String, Map<String, Number>> questions) {
    }

    public record Results(long survey, String title, String standardItem, long minAnswers, DistrictResult city,
                          List<DistrictResult> districts) {
    }

    /** Results of a survey per district (every district in force at the period's end, answered or not). */
    public Results results(Tenant city, long surveyId) {
        Survey s = require(city, surveyId);
        long min = settings.integer(city.id(), StatsModule.SURVEY_MIN_ANSWERS);
        Map<String, long[]> per = new TreeMap<>();
        Map<String, Map<String, long[]>> qs = new TreeMap<>();
        Jdbc.list(db, "select district_code, safety, answers from stats_survey_response where tenant_id = ? and "
                + "survey_id = ?", r -> {
                    long[] t = per.computeIfAbsent(r.getString(1), k -> new long[3]);
                    int v = r.getInt(2);
                    t[0]++;
                    t[1] += v >= 3 ? 1 : 0;
                    t[2] += v;
                    JsonObject o = Json.createReader(new StringReader(r.getString(3))).readObject();
                    for (String k : o.keySet()) {
                        long[] q = qs.computeIfAbsent(r.getString(1), x -> new TreeMap<>())
                                .computeIfAbsent(k, x -> new long[2]);
                        q[0]++;
                        q[1] += o.getInt(k);
                    }
                    return null;
                }, city.slug(), surveyId);
        Map<String, String> names = new LinkedHashMap<>();
        try {
            settings.directory(city.id()).districts(city.id(), s.periodTo().atEndOfMonth())
                    .forEach(d -> names.put(d.code(), d.name()));
        } catch (ProblemException e) {
            // districts unknown: only answered districts are listed
        }
        List<DistrictResult> out = new ArrayList<>();
        java.util.Set<String> codes = new java.util.TreeSet<>(names.keySet());
        codes.addAll(per.keySet());
        long[] all = new long[3];
        for (String code : codes) {
            long[] t = per.getOrDefault(code, new long[3]);
            all[0] += t[0];
            all[1] += t[1];
            all[2] += t[2];
            Map<String, Map<String, Number>> q = new TreeMap<>();
            qs.getOrDefault(code, Map.of()).forEach((k, v) -> q.put(k, Map.of("answers", v[0], "meanScore",
                    Math.round(100.0 * v[1] / v[0]) / 100.0)));
            out.add(result(code, names.get(code), t, min, q));
        }
        return new Results(s.id(), s.title(), STANDARD_ITEM, min, result(null, city.name(), all, min, Map.of()), out);
    }

    static DistrictResult result(String code, String name, long[] t, long min,
                                 Map<String, Map<String, Number>> questions) {
        if (t[0] == 0) {
            return new DistrictResult(code, name, 0, null, null, null, true, questions);
        }
        double[] ci = Confidence.wilson(t[1], t[0]);
        return new DistrictResult(code, name, t[0], Confidence.percent((double) t[1] / t[0]),
                new double[] {Confidence.percent(ci[0]), Confidence.percent(ci[1])},
                Math.round(100.0 * t[2] / t[0]) / 100.0, t[0] < min, questions);
    }

    /** Per-district answers of every survey whose period overlaps from..to: code → {answers, unsafe}. */
    Map<String, long[]> fear(TenantId city, YearMonth from, YearMonth to) {
        Map<String, long[]> out = new TreeMap<>();
        Jdbc.list(db, "select r.district_code, count(*), count(*) filter (where r.safety >= 3) from "
                + "stats_survey_response r join stats_survey s on s.id = r.survey_id where r.tenant_id = ? and "
                + "s.period_from <= ? and s.period_to >= ? group by 1", rs -> out.put(rs.getString(1),
                new long[] {rs.getLong(2), rs.getLong(3)}), city.slug(), to.atDay(1), from.atDay(1));
        return out;
    }

    private static String required(String field, String v) {
        if (v == null || v.isBlank()) {
            throw ProblemException.invalid(field, "is required");
        }
        return v;
    }

    private static LocalDateTime localTime(String field, String v) {
        try {
            return LocalDateTime.parse(required(field, v).strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + v + "' is not a local date-time (YYYY-MM-DDTHH:MM) in the "
                    + "city's zone");
        }
    }

    private static String text(String field, String v, int max, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) {
                throw ProblemException.invalid(field, "is required");
            }
            return null;
        }
        if (v.length() > max) {
            throw ProblemException.invalid(field, "at most " + max + " characters (got " + v.length() + ")");
        }
        return v;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
