package cz.safecity.events.control;

import cz.safecity.events.entity.EventPlan;
import cz.safecity.events.entity.EventPlanView;
import cz.safecity.events.entity.PlanCheck;
import cz.safecity.events.entity.PlanOfficer;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.List;

/**
 * Public-order preparation plans for cultural and sports events ({@code events_plan}, officers, checklist); staff
 * only (plans name officers and are operational), audited ({@code events.plan.*}).
 */
@ApplicationScoped
@Transactional
public class EventPlans {

    @PersistenceContext(unitName = "events")
    EntityManager em;
    @Inject
    TenantContext tenant;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    PlatformClock clock;
    @Inject
    Bodies bodies;
    @Inject
    DistrictCheck districts;

    /** An officer as sent: name required. */
    public record OfficerFields(String name, String unit, String role) {
    }

    public List<EventPlan> list() {
        return tenant.bind(em).createQuery("select p from EventPlan p order by p.startAt, p.id", EventPlan.class)
                .getResultList();
    }

    public EventPlan require(long id) {
        return tenant.requireOwned(em, EventPlan.class, id, "event plan");
    }

    /** Creates a plan with its officers and checklist items. */
    public EventPlan create(EventPlan.Fields f, List<OfficerFields> officers, List<String> checklist) {
        check(f);
        EventPlan p = new EventPlan(f, clock.now(), caller.displayName());
        EntityManager e = tenant.bind(em);
        e.persist(p);
        e.flush();
        replaceOfficers(p.id(), officers);
        int position = 1;
        for (String text : checklist) {
            e.persist(new PlanCheck(p.id(), position++, text));
        }
        audit.record("events.plan.created", "event-plan", p.id(), p.title() + ", risk " + p.riskLevel());
        return p;
    }

    /** Replaces the plan's fields and officers (the checklist stays; items are ticked one by one). */
    public EventPlan update(long id, EventPlan.Fields f, List<OfficerFields> officers) {
        EventPlan p = require(id);
        check(f);
        p.change(f, clock.now(), caller.displayName());
        replaceOfficers(id, officers);
        audit.record("events.plan.updated", "event-plan", id, p.title());
        return p;
    }

    /** Adds a checklist item at the end. */
    public PlanCheck addCheck(long id, String text) {
        require(id);
        int max = tenant.bind(em).createQuery("select coalesce(max(c.position), 0) from PlanCheck c where c.planId ="
                + " :p", Integer.class).setParameter("p", id).getSingleResult();
        PlanCheck c = new PlanCheck(id, max + 1, text);
        em.persist(c);
        em.flush();
        audit.record("events.plan.check-added", "event-plan", id, text);
        return c;
    }

    /** Ticks or unticks a checklist item, recording the caller by name. */
    public PlanCheck tick(long id, long checkId, boolean done) {
        require(id);
        PlanCheck c = tenant.requireOwned(em, PlanCheck.class, checkId, "checklist item");
        if (c.planId() != id) {
            throw ProblemException.notFound("checklist item", checkId);
        }
        c.tick(done, caller.displayName(), clock.now());
        audit.record("events.plan.check-" + (done ? "done" : "undone"), "event-plan", id, c.text());
        return c;
    }

    private void replaceOfficers(long planId, List<OfficerFields> officers) {
        EntityManager e = tenant.bind(em);
        e.createQuery("delete from PlanOfficer o where o.planId = :p").setParameter("p", planId).executeUpdate();
        for (OfficerFields o : officers) {
            e.persist(new PlanOfficer(planId, o.name(), o.unit(), o.role()));
        }
    }

    private void check(EventPlan.Fields f) {
        for (String d : f.districts()) {
            districts.require(tenant.id(), d, "districts", bodies.today());
        }
    }

    public EventPlanView view(EventPlan p) {
        EntityManager e = tenant.bind(em);
        var zone = bodies.zone();
        List<EventPlanView.Officer> officers = e.createQuery("select o from PlanOfficer o where o.planId = :p order"
                        + " by o.id", PlanOfficer.class).setParameter("p", p.id()).getResultList().stream()
                .map(o -> new EventPlanView.Officer(o.id(), o.name(), o.unit(), o.role())).toList();
        List<EventPlanView.Check> checks = e.createQuery("select c from PlanCheck c where c.planId = :p order by"
                        + " c.position, c.id", PlanCheck.class).setParameter("p", p.id()).getResultList().stream()
                .map(c -> new EventPlanView.Check(c.id(), c.position(), c.text(), c.done(), c.doneByName(),
                        c.doneAt() == null ? null : Occurrences.ISO.format(c.doneAt().atZone(zone)))).toList();
        return new EventPlanView(p.id(), p.title(), p.organiser(), p.place(), p.geometry() == null ? null
                : Json.createReader(new StringReader(p.geometry())).readObject(), p.districts(),
                Occurrences.ISO.format(p.startAt().atZone(zone)), Occurrences.ISO.format(p.endAt().atZone(zone)),
                p.expectedAttendance(), p.riskLevel(), p.afterActionNote(), officers, checks, p.createdByName(),
                p.updatedByName());
    }
}
