package cz.safecity.messaging.control;

import cz.safecity.messaging.entity.Matter;
import java.util.Map;

/**
 * Plain-text e-mail templates of the messaging module in Czech and English. {@code {name}} placeholders are replaced
 * by {@link #render}; values are inserted as typed (plain text, nothing to escape).
 */
public final class Mails {

    /** A subject and body, ready for the outbox. */
    public record Mail(String subject, String body) {
    }

    private static final Map<String, String[]> CS = Map.of(
            "confirmation", new String[] {"Vaše zpráva č. {id} byla přijata",
                    "Dobrý den,\n\nvaši zprávu č. {id} ({category}) jsme přijali a předali: {addressee}.\n"
                            + "Stav, odpovědi a možnost odpovědět najdete zde:\n{link}\n\n"
                            + "Chcete-li dostávat upozornění na odpovědi, potvrďte prosím svou adresu (odkaz platí "
                            + "jednou):\n{confirm}\n\n"
                            + "Odkaz nikomu nepředávejte, slouží jako váš přístup ke zprávě.\n\nBezpečné město {city}"},
            "reply", new String[] {"Odpověď na vaši zprávu č. {id}",
                    "Dobrý den,\n\n{author} ({role}) odpověděl(a) na vaši zprávu č. {id}:\n\n{text}\n\n"
                            + "Celé vlákno a možnost odpovědět najdete pod odkazem z potvrzení zprávy.\n\n"
                            + "Bezpečné město {city}"},
            "new", new String[] {"Nová zpráva č. {id}: {category}",
                    "Nová zpráva občana č. {id} ({category}) pro: {addressee}.\n\n{text}\n\n"
                            + "Termín potvrzení: {due}\nDetail: {staffLink}\n"},
            "escalated", new String[] {"Eskalovaná zpráva č. {id}: {category}",
                    "Zpráva občana č. {id} ({category}, {addressee}) byla eskalována na úroveň {level}.\n"
                            + "Důvod: {reason}\n\n{text}\n\nTermín potvrzení: {due}\nDetail: {staffLink}\n"},
            "citizen-reply", new String[] {"Občan odpověděl ve zprávě č. {id}",
                    "Občan odpověděl ve zprávě č. {id} ({category}):\n\n{text}\n\nDetail: {staffLink}\n"});

    private static final Map<String, String[]> EN = Map.of(
            "confirmation", new String[] {"Your message no. {id} was received",
                    "Hello,\n\nwe received your message no. {id} ({category}) and passed it to: {addressee}.\n"
                            + "Its status, the answers and a way to reply are here:\n{link}\n\n"
                            + "To be told of answers by e-mail, please confirm your address (the link works once):\n"
                            + "{confirm}\n\n"
                            + "Do not share this link: it is your access to the message.\n\nSafe City {city}"},
            "reply", new String[] {"Answer to your message no. {id}",
                    "Hello,\n\n{author} ({role}) answered your message no. {id}:\n\n{text}\n\n"
                            + "The whole thread and a way to reply are behind the link in the confirmation.\n\n"
                            + "Safe City {city}"},
            "new", new String[] {"New message no. {id}: {category}",
                    "New citizen message no. {id} ({category}) for: {addressee}.\n\n{text}\n\n"
                            + "Acknowledge by: {due}\nDetail: {staffLink}\n"},
            "escalated", new String[] {"Escalated message no. {id}: {category}",
                    "Citizen message no. {id} ({category}, {addressee}) was escalated to level {level}.\n"
                            + "Reason: {reason}\n\n{text}\n\nAcknowledge by: {due}\nDetail: {staffLink}\n"},
            "citizen-reply", new String[] {"The citizen replied in message no. {id}",
                    "The citizen replied in message no. {id} ({category}):\n\n{text}\n\nDetail: {staffLink}\n"});

    private Mails() {
    }

    /**
     * The mail {@code template} in {@code locale} ({@code cs}, else English) with the placeholders filled.
     *
     * @param template confirmation, reply, new, escalated or citizen-reply
     */
    public static Mail render(String template, String locale, Map<String, String> values) {
        String[] t = ("cs".equals(locale) ? CS : EN).get(template);
        if (t == null) {
            throw new IllegalArgumentException("no mail template " + template);
        }
        return new Mail(fill(t[0], values), fill(t[1], values));
    }

    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 256);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            String key = template.substring(open + 1, close);
            String v = values.get(key);
            out.append(v != null ? v : template.substring(open, close + 1));
            i = close + 1;
        }
        return out.toString();
    }

    /** Who a matter is addressed to, for mails: the district's name and code, or the level's name. */
    public static String addressee(Matter m, String levelName) {
        if (m.districtCode != null && Matter.TO_DISTRICT.equals(m.addressee)) {
            return (m.districtName != null ? m.districtName : m.districtCode) + " (" + m.districtCode + ")";
        }
        return levelName;
    }
}
