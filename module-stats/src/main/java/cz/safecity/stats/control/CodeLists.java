package cz.safecity.stats.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Default code lists per source: a source's crime type → platform category, and its outcome → cleared status.
 * A city overrides or extends them per source (table {@code stats_code_map}, {@code PUT …/stats/code-lists/{source}});
 * an unknown type maps to {@code other}, an unknown outcome to {@code unknown}. Clearance rate = cleared / (cleared +
 * not-cleared); pending and unknown have no final outcome.
 */
public final class CodeLists {

    /** Platform crime categories. */
    public static final List<String> CATEGORIES = List.of("violence", "sexual", "robbery", "burglary", "theft",
            "vehicle", "damage", "drugs", "weapons", "public-order", "fraud", "anti-social", "other");
    public static final String CLEARED = "cleared";
    public static final String NOT_CLEARED = "not-cleared";
    public static final String PENDING = "pending";
    public static final String UNKNOWN = "unknown";
    public static final Set<String> CLEARED_VALUES = Set.of(CLEARED, NOT_CLEARED, PENDING, UNKNOWN);

    /** police.uk crime types (data.police.uk "Crime type"). */
    static final Map<String, String> POLICE_UK_TYPES = ordered(
            "Anti-social behaviour", "anti-social",
            "Bicycle theft", "theft",
            "Burglary", "burglary",
            "Criminal damage and arson", "damage",
            "Drugs", "drugs",
            "Other crime", "other",
            "Other theft", "theft",
            "Possession of weapons", "weapons",
            "Public order", "public-order",
            "Robbery", "robbery",
            "Shoplifting", "theft",
            "Theft from the person", "theft",
            "Vehicle crime", "vehicle",
            "Violence and sexual offences", "violence",
            "Violent crime", "violence");

    /** police.uk "Last outcome category" values. */
    static final Map<String, String> POLICE_UK_OUTCOMES = ordered(
            "Investigation complete; no suspect identified", NOT_CLEARED,
            "Unable to prosecute suspect", NOT_CLEARED,
            "Formal action is not in the public interest", NOT_CLEARED,
            "Further action is not in the public interest", NOT_CLEARED,
            "Further investigation is not in the public interest", NOT_CLEARED,
            "Court case unable to proceed", NOT_CLEARED,
            "Defendant found not guilty", NOT_CLEARED,
            "Action to be taken by another organisation", NOT_CLEARED,
            "Status update unavailable", PENDING,
            "Under investigation", PENDING,
            "Awaiting court outcome", PENDING,
            "Court result unavailable", PENDING,
            "Defendant sent to Crown Court", PENDING,
            "Local resolution", CLEARED,
            "Offender given a caution", CLEARED,
            "Offender given a drugs possession warning", CLEARED,
            "Offender given a cannabis warning", CLEARED,
            "Offender given penalty notice", CLEARED,
            "Offender fined", CLEARED,
            "Offender given community sentence", CLEARED,
            "Offender given conditional discharge", CLEARED,
            "Offender given absolute discharge", CLEARED,
            "Offender given suspended prison sentence", CLEARED,
            "Offender sent to prison", CLEARED,
            "Offender ordered to pay compensation", CLEARED,
            "Offender otherwise dealt with", CLEARED,
            "Offender deprived of property", CLEARED,
            "Suspect charged", CLEARED,
            "Suspect charged as part of another case", CLEARED,
            "Defendant found guilty", CLEARED);

    /**
     * Czech police crime-map export ({@code types.json}): the codes of its main offence groups, as this platform
     * ships them; a city adds or corrects codes per its export.
     */
    static final Map<String, String> CZ_POLICE_TYPES = ordered(
            "101", "violence",      // vražda (murder)
            "102", "violence",      // ublížení na zdraví (bodily harm)
            "103", "robbery",       // loupež
            "201", "sexual",        // znásilnění a jiné mravnostní činy
            "301", "burglary",      // krádež vloupáním
            "302", "theft",         // krádež prostá
            "303", "vehicle",       // krádež motorového vozidla
            "304", "vehicle",       // krádež věcí z vozidla
            "305", "theft",         // kapesní krádež
            "401", "damage",        // poškození cizí věci, sprejerství
            "501", "public-order",  // výtržnictví
            "601", "drugs",         // drogová trestná činnost
            "701", "fraud",         // podvod
            "801", "weapons",       // nedovolené ozbrojování
            "901", "anti-social");  // přestupek proti veřejnému pořádku

    /** Czech police crime-map export ({@code states.json}): case state. */
    static final Map<String, String> CZ_POLICE_STATES = ordered(
            "1", CLEARED,       // objasněno
            "2", NOT_CLEARED,   // neobjasněno, odloženo
            "3", PENDING,       // v šetření
            "4", NOT_CLEARED);  // odloženo – nezjištěn pachatel

    private CodeLists() {
    }

    /** Built-in type → category list of a source (empty for a mapped source). */
    public static Map<String, String> defaultTypes(String source) {
        return switch (source) {
            case "police-uk" -> POLICE_UK_TYPES;
            case "cz-police" -> CZ_POLICE_TYPES;
            default -> Map.of();
        };
    }

    /** Built-in outcome → cleared list of a source (empty for a mapped source). */
    public static Map<String, String> defaultOutcomes(String source) {
        return switch (source) {
            case "police-uk" -> POLICE_UK_OUTCOMES;
            case "cz-police" -> CZ_POLICE_STATES;
            default -> Map.of();
        };
    }

    /** The effective lists of one source in one city: the defaults overlaid with the city's rows. */
    public record Mapping(Map<String, String> types, Map<String, String> outcomes) {

        public String category(String type) {
            return types.getOrDefault(type, "other");
        }

        public String cleared(String outcome) {
            if (outcome == null || outcome.isEmpty()) {
                return UNKNOWN;
            }
            return outcomes.getOrDefault(outcome, UNKNOWN);
        }
    }

    /** Defaults of {@code source} overlaid with {@code typeOverrides} and {@code outcomeOverrides}. */
    public static Mapping mapping(String source, Map<String, String> typeOverrides,
                                  Map<String, String> outcomeOverrides) {
        Map<String, String> types = new LinkedHashMap<>(defaultTypes(source));
        types.putAll(typeOverrides);
        Map<String, String> outcomes = new LinkedHashMap<>(defaultOutcomes(source));
        outcomes.putAll(outcomeOverrides);
        return new Mapping(types, outcomes);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
