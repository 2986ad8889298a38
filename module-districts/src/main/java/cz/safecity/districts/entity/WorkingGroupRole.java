package cz.safecity.districts.entity;

import cz.safecity.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The three seats of a district's working group (<i>pracovní skupina</i>), in the order the district card shows
 * them. {@link #key()} is the value used in paths and JSON ({@code police-officer}, {@code constable},
 * {@code councillor}) and equals the Keycloak city role of the same name.
 */
public enum WorkingGroupRole {

    /** State police officer (<i>policista</i>, PČR). */
    POLICE_OFFICER("police-officer"),
    /** Municipal police constable (<i>strážník</i>, MP). */
    CONSTABLE("constable"),
    /** City councillor (<i>zastupitel</i>). */
    COUNCILLOR("councillor");

    private final String key;

    WorkingGroupRole(String key) {
        this.key = key;
    }

    /** Path/JSON value, e.g. {@code police-officer}. */
    public String key() {
        return key;
    }

    /**
     * The institution the member represents, as printed on a business card and in the vCard's ORG:
     * {@code Policie ČR}, {@code Městská policie <city>} or {@code Zastupitelstvo města <city>}.
     *
     * @param cityName the city's display name, e.g. {@code Plzeň}
     */
    public String institution(String cityName) {
        return switch (this) {
            case POLICE_OFFICER -> "Policie ČR";
            case CONSTABLE -> "Městská policie " + cityName;
            case COUNCILLOR -> "Zastupitelstvo města " + cityName;
        };
    }

    /**
     * The role for a path/JSON value.
     *
     * @throws ProblemException 400 naming {@code role} for anything but the three keys
     */
    public static WorkingGroupRole of(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("role", "'" + key + "' is not a working-group role; one of "
                        + Arrays.stream(values()).map(WorkingGroupRole::key).collect(Collectors.joining(", "))));
    }
}
