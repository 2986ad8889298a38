package cz.safecity.messaging.control;

import cz.safecity.messaging.entity.Entry;
import cz.safecity.messaging.entity.Matter;
import cz.safecity.platform.mail.Outbox;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * E-mails of the messaging module, queued in the platform's outbox inside the caller's transaction (so they go out
 * exactly when the matter change commits, and a broken SMTP server never blocks a matter): the confirmation with the
 * link to the portal's tracking page and a single-use link that confirms the address, each public reply to the citizen (once confirmed), a new matter to the district's working group (or the level's
 * address), an escalated matter to the next level. Staff mails are in the city's default locale, citizen mails in the
 * matter's locale.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class.getName());
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    Outbox outbox;
    @Inject
    TenantContext tenant;
    @Inject
    Routing routing;
    @Inject
    Ladder ladder;
    @Inject
    PlatformClock clock;
    @Inject
    @ConfigProperty(name = "safecity.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** The API's tracking link for {@code secret} in the current city (JSON; the 201 answer of a submission). */
    public String trackingLink(String secret) {
        return publicUrl + "/api/cities/" + tenant.id().slug() + "/messaging/tracking/" + secret;
    }

    /** The citizen's tracking page for {@code secret} in the current city: the portal's thread page, for people. */
    public String portalLink(String secret) {
        return publicUrl + "/portal/" + tenant.id().slug() + "/track/" + secret;
    }

    /**
     * The single-use link of the confirmation mail: the portal's page that confirms the address through the API and
     * says so in the citizen's language (the mail's: cs, else en).
     */
    public String confirmLink(String secret, String confirm, String locale) {
        return portalLink(secret) + "/confirm/" + confirm + "?lang=" + ("cs".equals(locale) ? "cs" : "en");
    }

    private Map<String, String> values(Matter m, String levelName) {
        Map<String, String> v = new HashMap<>();
        v.put("id", String.valueOf(m.id));
        v.put("city", tenant.require().name());
        v.put("category", ladder.category(m.category).map(c -> c.name(m.locale)).orElse(m.category));
        v.put("addressee", Mails.addressee(m, levelName));
        v.put("text", m.text);
        v.put("due", due(m.ackDueAt));
        v.put("staffLink", publicUrl + "/api/cities/" + tenant.id().slug() + "/messaging/matters/" + m.id);
        return v;
    }

    private String due(Instant at) {
        return at == null ? "" : DUE.format(at.atZone(tenant.require().zone())) + " (" + tenant.require().zone() + ")";
    }

    private String levelName(String key) {
        return ladder.level(key).map(l -> l.name).orElse(key);
    }

    /**
     * Confirmation to the citizen (when an e-mail was given) and notification of the addressee; nothing is rendered
     * when nobody is to be mailed (an anonymous matter to a level without an address).
     */
    void submitted(Matter m, cz.safecity.messaging.entity.Level level, String secret, String confirm) {
        Set<String> staff = recipients(m, level);
        if (m.contactEmail == null && staff.isEmpty()) {
            return;
        }
        Map<String, String> v = values(m, level.name);
        if (m.contactEmail != null) {
            v.put("link", portalLink(secret));
            v.put("confirm", confirmLink(secret, confirm, m.locale));
            send(m.contactEmail, Mails.render("confirmation", m.locale, v));
        }
        if (!staff.isEmpty()) {
            Mails.Mail mail = Mails.render("new", staffLocale(), v);
            staff.forEach(address -> send(address, mail));
        }
    }

    /** The addressee after a move or reassignment to another district. */
    void submittedToNewDistrict(Matter m) {
        ladder.level(m.levelKey).ifPresent(level -> staff(m, level, Mails.render("new", staffLocale(),
                values(m, level.name))));
    }

    /** A public reply, to the citizen (only to an address confirmed with the single-use link). */
    void replied(Matter m, Entry reply) {
        if (m.contactEmail == null || m.emailConfirmedAt == null) {
            return;
        }
        Map<String, String> v = values(m, levelName(m.levelKey));
        v.put("author", reply.authorName);
        v.put("role", reply.authorRole);
        v.put("text", reply.text);
        send(m.contactEmail, Mails.render("reply", m.locale, v));
    }

    /** The citizen replied: the level's address or the working group. */
    void citizenReplied(Matter m, String text) {
        Map<String, String> v = values(m, levelName(m.levelKey));
        v.put("text", text);
        ladder.level(m.levelKey).ifPresent(level -> staff(m, level, Mails.render("citizen-reply", staffLocale(), v)));
    }

    /** An escalation, to the next level. */
    void escalated(Matter m, cz.safecity.messaging.entity.Level next, String reason) {
        Map<String, String> v = values(m, next.name);
        v.put("level", next.name);
        v.put("reason", reason);
        staff(m, next, Mails.render("escalated", staffLocale(), v));
    }

    private void staff(Matter m, cz.safecity.messaging.entity.Level level, Mails.Mail mail) {
        recipients(m, level).forEach(address -> send(address, mail));
    }

    /** The level's address and, on the first level of a matter to a district, the working group's members. */
    private Set<String> recipients(Matter m, cz.safecity.messaging.entity.Level level) {
        Set<String> to = new LinkedHashSet<>();
        if (level.notifyEmail != null && !level.notifyEmail.isBlank()) {
            to.add(level.notifyEmail);
        }
        if (Matter.TO_DISTRICT.equals(m.addressee) && level.position == 0) {
            to.addAll(routing.workingGroupEmails(tenant.id(), m.districtCode,
                    clock.now(tenant.id()).atZone(tenant.require().zone()).toLocalDate()));
        }
        return to;
    }

    private String staffLocale() {
        return tenant.require().defaultLocale().getLanguage();
    }

    private void send(String to, Mails.Mail mail) {
        try {
            outbox.enqueue(tenant.id(), to, mail.subject(), mail.body());
        } catch (IllegalArgumentException e) {
            LOG.info(() -> "messaging: not mailing " + to + ": " + e.getMessage());
        }
    }
}
