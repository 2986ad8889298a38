package cz.safecity.events.control;

import cz.safecity.platform.json.Inputs;
import cz.safecity.events.entity.Body;
import cz.safecity.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST/PUT /api/cities/{city}/bodies[/{id}]}, validated:
 * <pre>{
 *   "kind": "narrow-group",                  // one of Body.KINDS
 *   "name": "Užší pracovní skupina",         // required, ≤ 200
 *   "scope": "city",                         // city | borough | district
 *   "scopeCode": null,                       // borough name or district code (required for borough/district)
 *   "series": {                              // optional: the meeting cadence
 *     "rrule": "FREQ=WEEKLY;INTERVAL=2",     // RFC 5545 RRULE value, at most daily
 *     "start": "2027-01-07T17:00",           // DTSTART, local in the city's zone; must be an occurrence
 *     "durationMinutes": 90,                 // 5..1440, default 90
 *     "location": "Radnice, zasedací místnost"
 *   },
 *   "members": [{"name": "…", "role": "chair", "institution": "Policie ČR", "username": null,
 *                "email": null, "from": "2027-01-01"}]   // optional (POST only)
 * }</pre>
 * Errors: 400 naming the field.
 */
public final class BodyInput {

    private BodyInput() {
    }

    public static Bodies.Fields parse(Inputs in) {
        String kind = in.required("kind", in.oneOf("kind", Body.KINDS));
        String name = in.requiredText("name", 200);
        String scope = in.required("scope", in.oneOf("scope", Body.SCOPES));
        String code = in.text("scopeCode", 60);
        if (!"city".equals(scope) && code == null) {
            throw ProblemException.invalid("scopeCode", "is required for scope " + scope);
        }
        if ("city".equals(scope)) {
            code = null;
        }
        Inputs series = in.nested("series");
        String rrule = null;
        java.time.LocalDateTime start = null;
        Integer minutes = null;
        String location = null;
        if (series != null) {
            rrule = series.requiredText("rrule", 500);
            start = series.required("start", series.localDateTime("start"));
            minutes = series.integer("durationMinutes", 5, 1440);
            if (minutes == null) {
                minutes = 90;
            }
            location = series.text("location", 300);
        }
        List<Bodies.MemberFields> members = new ArrayList<>();
        for (Inputs m : in.objects("members", 100)) {
            members.add(member(m));
        }
        return new Bodies.Fields(kind, name, scope, code, rrule, start, minutes, location, members);
    }

    /** {@code {"name", "role", "institution", "username", "email", "from"}}; name and role required. */
    public static Bodies.MemberFields member(Inputs m) {
        return new Bodies.MemberFields(m.requiredText("name", 200), m.requiredText("role", 60),
                m.text("institution", 200), m.text("username", 100), m.email("email"), m.date("from"));
    }
}
