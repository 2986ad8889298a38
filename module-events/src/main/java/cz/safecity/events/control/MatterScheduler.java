package cz.safecity.events.control;

import cz.safecity.events.entity.AgendaItem;
import cz.safecity.events.entity.Body;
import cz.safecity.events.entity.Meeting;
import cz.safecity.platform.event.MatterEscalated;
import cz.safecity.platform.event.MatterScheduled;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantDirectory;
import cz.safecity.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts escalated matters on meeting agendas: observes {@link MatterEscalated} (fired by messaging), picks the body of
 * the event's {@code bodyKind} in that city whose next occurrence (not cancelled) comes first — city-wide bodies
 * before borough or district ones — adds an agenda item linking the matter (once per matter and meeting), and fires
 * {@link MatterScheduled} so that the matter shows the meeting. A city without such a body, or with the module
 * disabled, leaves the matter as it is (logged).
 */
@ApplicationScoped
public class MatterScheduler {

    private static final Logger LOG = Logger.getLogger(MatterScheduler.class.getName());
    /** Who added an escalated item (agenda items name a person or this). */
    static final String BY = "escalation (messaging)";

    @Inject
    TenantDirectory tenants;
    @Inject
    TenantContext tenant;
    @Inject
    Bodies bodies;
    @Inject
    Meetings meetings;
    @Inject
    PlatformClock clock;
    @Inject
    Event<MatterScheduled> scheduled;
    @Inject
    EventsSettings settings;

    @ActivateRequestContext
    void onEscalated(@ObservesAsync MatterEscalated e) {
        try {
            if (e.bodyKind() == null || !settings.enabled(e.tenant())) {
                return;
            }
            Optional<Tenant> city = tenants.find(e.tenant().slug());
            if (city.isEmpty()) {
                return;
            }
            tenant.enter(city.get());
            schedule(e).ifPresentOrElse(scheduled::fireAsync, () -> LOG.info(() -> "matter " + e.matterId()
                    + " of " + e.tenant().slug() + ": no upcoming meeting of a body of kind " + e.bodyKind()));
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "could not put matter " + e.matterId() + " of " + e.tenant().slug()
                    + " on an agenda", ex);
        }
    }

    /** Adds the agenda item in one transaction; empty when no body of that kind meets in the next year. */
    @Transactional
    public Optional<MatterScheduled> schedule(MatterEscalated e) {
        ZonedDateTime now = clock.now(e.tenant()).atZone(bodies.zone());
        record Candidate(Body body, Occurrences.Occurrence next) {
        }
        Optional<Candidate> best = bodies.list(e.bodyKind()).stream().filter(b -> b.rrule() != null)
                .map(b -> meetings.next(b, now).map(o -> new Candidate(b, o)).orElse(null))
                .filter(c -> c != null)
                .min(Comparator.comparing((Candidate c) -> "city".equals(c.body().scope()) ? 0 : 1)
                        .thenComparing(c -> c.next().start()));
        if (best.isEmpty()) {
            return Optional.empty();
        }
        Body b = best.get().body();
        Meeting m = meetings.materialise(b, best.get().next().recurrenceId());
        String title = e.title() == null || e.title().isBlank() ? "Matter " + e.matterId() : e.title();
        AgendaItem item = meetings.addAgendaItem(m, title.length() > 500 ? title.substring(0, 500) : title,
                e.reason() == null ? null : e.reason().length() > 4000 ? e.reason().substring(0, 4000) : e.reason(),
                e.matterId(), BY);
        return Optional.of(new MatterScheduled(e.tenant(), e.matterId(), b.id(), b.name(), m.startAt(), item.id(),
                clock.now()));
    }
}
