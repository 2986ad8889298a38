package cz.safecity.messaging.boundary;

import cz.safecity.messaging.entity.Level;
import cz.safecity.messaging.entity.Matter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The Open311 {@code service_notice} of a request: per GeoReport v2 "information about the action expected to fulfill
 * the request or otherwise address the information reported" — a sentence for people, in the city's default language
 * (cs, else en): who has the matter, by when it is to be acknowledged and answered (the deadlines of its level of the
 * city's ladder, dates in the city's zone), and where it climbs when a deadline passes; an answered or closed matter
 * says so. No links: the citizen's tracking link reaches them by the confirmation mail (when an e-mail was given).
 */
final class Open311Notice {

    private static final DateTimeFormatter CS = DateTimeFormatter.ofPattern("d. M. yyyy");
    private static final DateTimeFormatter EN = DateTimeFormatter.ISO_LOCAL_DATE;

    private Open311Notice() {
    }

    /**
     * @param m      the matter
     * @param levels the city's ladder, lowest first
     * @param locale the city's default language ({@code cs}; anything else is answered in English)
     * @param zone   the city's time zone (dates)
     */
    static String of(Matter m, List<Level> levels, String locale, ZoneId zone) {
        boolean cs = "cs".equals(locale);
        Optional<Level> level = levels.stream().filter(l -> l.key.equals(m.levelKey)).findFirst();
        String who = level.map(l -> l.name).orElse(m.levelKey)
                + (m.districtName != null && Matter.TO_DISTRICT.equals(m.addressee) && m.escalations == 0
                ? " (" + m.districtName + ")" : "");
        DateTimeFormatter f = cs ? CS : EN;
        if ("closed".equals(m.status)) {
            return cs ? "Podnět byl uzavřen" + since(m.closedAt, zone, f, " dne ") + " (řešitel: " + who + ")."
                    : "The request was closed" + since(m.closedAt, zone, f, " on ") + " (handled by " + who + ").";
        }
        if ("answered".equals(m.status)) {
            return cs ? "Na podnět přišla odpověď (řešitel: " + who + "); je ve vlákně podnětu. Když ji občan "
                    + "doplní, podnět se vrací do řešení."
                    : "The request was answered by " + who + ". The answer is in the request's thread; a reply from "
                    + "the citizen puts it back into progress.";
        }
        String next = nextLevel(levels, m.levelKey).map(l -> l.name).orElse(null);
        Phrases p = cs ? Phrases.CS : Phrases.EN;
        StringBuilder s = new StringBuilder(p.with).append(who).append(". ");
        if ("new".equals(m.status) && m.ackDueAt != null) {
            s.append(p.acknowledgedBy).append(date(m.ackDueAt, zone, f)).append(p.andAnsweredBy);
        } else {
            s.append(p.answeredBy);
        }
        s.append(date(m.answerDueAt, zone, f));
        level.ifPresent(l -> s.append(p.deadlines).append(l.ackDays).append(p.and).append(l.answerDays)
                .append(p.workingDays));
        s.append(next != null ? p.movesUpTo + next + "." : p.topLevel);
        return s.toString();
    }

    /** The words of the open matter's sentence, in the order {@link #of} puts them together. */
    private record Phrases(String with, String acknowledgedBy, String andAnsweredBy, String answeredBy,
                           String deadlines, String and, String workingDays, String movesUpTo, String topLevel) {
        static final Phrases CS = new Phrases("Podnět řeší ", "Převzetí potvrdí do ", ", odpoví do ", "Odpoví do ",
                " (lhůty této úrovně: ", " a ", " pracovních dnů)",
                "; když lhůtu nestihne, podnět postoupí na úroveň ", "; je to nejvyšší úroveň žebříčku města.");
        static final Phrases EN = new Phrases("The request is with ", "It is to be acknowledged by ",
                " and answered by ", "It is to be answered by ", " (this level's deadlines: ", " and ",
                " working days)", "; when a deadline passes, it moves up to ", "; this is the top level of the city's "
                + "ladder.");
    }

    private static Optional<Level> nextLevel(List<Level> levels, String key) {
        for (int i = 0; i < levels.size() - 1; i++) {
            if (levels.get(i).key.equals(key)) {
                return Optional.of(levels.get(i + 1));
            }
        }
        return Optional.empty();
    }

    private static String date(Instant at, ZoneId zone, DateTimeFormatter f) {
        return at == null ? "?" : f.format(at.atZone(zone));
    }

    private static String since(Instant at, ZoneId zone, DateTimeFormatter f, String prefix) {
        return at == null ? "" : prefix + f.format(at.atZone(zone));
    }
}
