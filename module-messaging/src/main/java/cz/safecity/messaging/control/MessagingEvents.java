package cz.safecity.messaging.control;

import cz.safecity.platform.event.MatterEscalated;
import cz.safecity.platform.event.MatterScheduled;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The messaging module's platform events: fires {@link MatterEscalated} (asynchronously, after the escalation
 * committed; the events module puts meeting levels on the body's next agenda) and observes {@link MatterScheduled}
 * (shows the meeting on the matter).
 */
@ApplicationScoped
public class MessagingEvents {

    private static final Logger LOG = Logger.getLogger(MessagingEvents.class.getName());

    @Inject
    Event<MatterEscalated> escalated;
    @Inject
    TenantContext tenantContext;
    @Inject
    TenantDirectory tenants;
    @Inject
    Matters matters;

    /** Fires each event asynchronously; call after the transaction that escalated committed. */
    public void fire(List<MatterEscalated> events) {
        for (MatterEscalated e : events) {
            escalated.fireAsync(e).exceptionally(t -> {
                LOG.log(Level.WARNING, "an observer of MatterEscalated failed for matter " + e.matterId(), t);
                return e;
            });
        }
    }

    @ActivateRequestContext
    void onScheduled(@ObservesAsync MatterScheduled e) {
        try {
            tenantContext.callAs(tenants.require(e.tenant().slug()), () -> {
                matters.scheduled(e.matterId(), e.bodyName(), e.meetingStart(), e.agendaItemId());
                return null;
            });
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "could not show the meeting on matter " + e.matterId(), ex);
        }
    }
}
