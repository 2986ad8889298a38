package cz.safecity.platform.event;

import cz.safecity.platform.tenant.TenantId;
import java.time.Instant;

/**
 * A citizen's matter climbed the escalation ladder (messaging module).
 *
 * @param tenant    the city
 * @param matterId  the matter's id in the messaging module
 * @param title     a short public title of the matter (category and district), for an agenda item
 * @param fromLevel key of the level it left, e.g. {@code working-group}
 * @param toLevel   key of the level it reached, e.g. {@code coordination-meeting}
 * @param bodyKind  the kind of meeting body that handles {@code toLevel} ({@code coordination-meeting},
 *                  {@code security-commission}, {@code city-council}…), or null when the level is not a meeting
 * @param reason    why (a missed deadline, or the text a person gave)
 * @param automatic true when a missed deadline escalated it, false when a person did
 * @param at        when (UTC)
 * @param actor     person id of who escalated it, or {@code system} for a deadline breach
 */
public record MatterEscalated(TenantId tenant, long matterId, String title, String fromLevel, String toLevel,
                              String bodyKind, String reason, boolean automatic, Instant at, String actor) {
}
