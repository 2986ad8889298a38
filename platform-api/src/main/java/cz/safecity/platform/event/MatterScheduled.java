package cz.safecity.platform.event;

import cz.safecity.platform.tenant.TenantId;
import java.time.Instant;

/**
 * An escalated matter was put on a meeting's agenda (events module); the messaging module shows the meeting on
 * the matter.
 *
 * @param tenant       the city
 * @param matterId     the matter's id in the messaging module
 * @param bodyId       the meeting body's id in the events module
 * @param bodyName     the body's display name
 * @param meetingStart start of the occurrence whose agenda holds the item (UTC)
 * @param agendaItemId the agenda item's id in the events module
 * @param at           when it was scheduled (UTC)
 */
public record MatterScheduled(TenantId tenant, long matterId, long bodyId, String bodyName, Instant meetingStart,
                              long agendaItemId, Instant at) {
}
