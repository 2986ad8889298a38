package cz.safecity.events.control;

import cz.safecity.platform.json.Inputs;
import cz.safecity.events.entity.Body;
import cz.safecity.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed's default cadences, offered as templates (DOMAIN.md, "Meeting cadences"): Sokolov — narrow group every
 * 14 days, broad group monthly, security commission every 2 months; Plzeň — each borough group every 14 days, the
 * city hall group monthly, the security commission monthly at city hall and monthly in each borough. Monthly rules
 * repeat the start's weekday position ({@code BYDAY=1TH}: first Thursday; the last one when the start is in the
 * month's last seven days), so the series start is always an occurrence.
 */
@ApplicationScoped
public class SeedCadences {

    /** One body of a template; {@code rrule} uses {@code <BYDAY>} for the weekday position of its start. */
    public record TemplateBody(String kind, String name, String scope, String rrule, int startOffsetDays) {
    }

    /** A template: key, description and bodies ({@code {n}} in a name is the borough number). */
    public record Template(String key, String description, List<TemplateBody> bodies) {
    }

    public static final List<Template> TEMPLATES = List.of(
            new Template("sokolov", "Sokolov: narrow group every 14 days, broad group monthly, commission every 2"
                    + " months", List.of(
                    new TemplateBody("narrow-group", "Užší pracovní skupina", "city", "FREQ=WEEKLY;INTERVAL=2", 0),
                    new TemplateBody("broad-group", "Širší pracovní skupina", "city", "FREQ=MONTHLY;BYDAY=<BYDAY>", 7),
                    new TemplateBody("security-commission", "Komise pro prevenci kriminality a bezpečnost", "city",
                            "FREQ=MONTHLY;INTERVAL=2;BYDAY=<BYDAY>", 14))),
            new Template("plzen", "Plzeň: borough groups every 14 days, city hall monthly, commissions monthly at"
                    + " city hall and in each borough", List.of(
                    new TemplateBody("borough-group", "Pracovní skupina obvodu Plzeň {n}", "borough",
                            "FREQ=WEEKLY;INTERVAL=2", 0),
                    new TemplateBody("city-hall-group", "Pracovní skupina Magistrátu", "city",
                            "FREQ=MONTHLY;BYDAY=<BYDAY>", 7),
                    new TemplateBody("security-commission", "Komise bezpečnosti Magistrátu", "city",
                            "FREQ=MONTHLY;BYDAY=<BYDAY>", 14),
                    new TemplateBody("security-commission", "Komise bezpečnosti obvodu Plzeň {n}", "borough",
                            "FREQ=MONTHLY;BYDAY=<BYDAY>", 21))));

    @Inject
    Bodies bodies;

    /**
     * Creates the bodies of a template that do not exist yet (same kind and name), in one transaction.
     * Body: {@code {"template": "plzen", "start": "2027-01-07", "time": "17:00", "durationMinutes": 90,
     * "boroughs": 10}} — {@code start} defaults to the city's today, {@code time} to 17:00, {@code boroughs} to 10.
     *
     * @return every body of the template (existing and new)
     * @throws ProblemException 400 naming the field
     */
    @Transactional
    public List<Body> apply(Inputs in) {
        String key = in.requiredText("template", 40);
        Template t = TEMPLATES.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow(() ->
                ProblemException.invalid("template", "'" + key + "' is not one of sokolov, plzen"));
        LocalDate start = in.date("start");
        if (start == null) {
            start = bodies.today();
        }
        String timeText = in.text("time", 8);
        LocalTime time;
        try {
            time = timeText == null ? LocalTime.of(17, 0) : LocalTime.parse(timeText);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("time", "'" + timeText + "' is not a local time (HH:MM)");
        }
        Integer minutes = in.integer("durationMinutes", 5, 1440);
        Integer boroughs = in.integer("boroughs", 1, 100);
        List<Body> existing = bodies.list(null);
        List<Body> out = new ArrayList<>();
        for (TemplateBody tb : t.bodies()) {
            int count = "borough".equals(tb.scope()) ? (boroughs == null ? 10 : boroughs) : 1;
            for (int n = 1; n <= count; n++) {
                String name = tb.name().replace("{n}", String.valueOf(n));
                var same = existing.stream().filter(b -> b.kind().equals(tb.kind()) && b.name().equals(name))
                        .findFirst();
                if (same.isPresent()) {
                    out.add(same.get());
                    continue;
                }
                LocalDate first = start.plusDays(tb.startOffsetDays());
                String rule = tb.rrule().replace("<BYDAY>", byDay(first));
                out.add(bodies.create(new Bodies.Fields(tb.kind(), name, tb.scope(),
                        "borough".equals(tb.scope()) ? "Plzeň " + n : null, rule, first.atTime(time),
                        minutes == null ? 90 : minutes, null, List.of())));
            }
        }
        return out;
    }

    /** RFC 5545 BYDAY for the weekday position of {@code day} in its month, e.g. {@code 2TU} or {@code -1FR}. */
    static String byDay(LocalDate day) {
        int n = (day.getDayOfMonth() - 1) / 7 + 1;
        return (n == 5 ? "-1" : String.valueOf(n)) + weekday(day.getDayOfWeek());
    }

    private static String weekday(DayOfWeek d) {
        return d.name().substring(0, 2).toUpperCase(Locale.ROOT);
    }
}
