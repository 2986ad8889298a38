package cz.safecity.districts.control;

import cz.safecity.platform.json.Inputs;
import cz.safecity.districts.entity.WorkingGroupAssignment.Person;
import cz.safecity.platform.problem.ProblemException;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The body of an assignment ({@code POST …/working-group/{role}}), validated:
 * <pre>{
 *   "from": "2026-12-01",            // optional ISO date, city zone; default today
 *   "username": "jan.novak",         // required, Keycloak login name (private)
 *   "personId": "5f0c…",             // optional, Keycloak user id (private)
 *   "displayName": "Jan Novák",      // required, ≤ 200
 *   "title": "npor.",                // rank or title, ≤ 100
 *   "photoUrl": "https://…",         // absolute http(s), ≤ 500
 *   "phone": "+420 378 031 111",     // 3–15 digits, ≤ 40
 *   "email": "novak@example.cz",     // ≤ 254
 *   "officeHours": "Po 14–17 h",     // ≤ 500
 *   "demo": false
 * }</pre>
 * Errors: 400 naming the field.
 *
 * @param from   first day of the assignment
 * @param person the person and their public fields
 */
public record MemberInput(LocalDate from, Person person) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,100}");
    private static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** @param today the city's today (default of {@code from}) */
    public static MemberInput parse(JsonObject body, LocalDate today) {
        Inputs in = Inputs.of(body);
        LocalDate from = in.date("from");
        String username = in.requiredText("username", 100);
        if (!USERNAME.matcher(username).matches()) {
            throw ProblemException.invalid("username", "letters, digits and . _ @ + - only");
        }
        String personId = in.text("personId", 64);
        if (personId != null && !PERSON_ID.matcher(personId).matches()) {
            throw ProblemException.invalid("personId", "a Keycloak user id (letters, digits, hyphens)");
        }
        Person person = new Person(username, personId, in.requiredText("displayName", 200), in.text("title", 100),
                in.url("photoUrl"), in.phone("phone"), in.email("email"), in.text("officeHours", 500),
                in.bool("demo", false));
        return new MemberInput(from == null ? today : from, person);
    }
}
