package cz.safecity.events.control;

import cz.safecity.events.entity.PreventionProject;
import cz.safecity.events.entity.ProjectActivity;
import cz.safecity.events.entity.ProjectView;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prevention projects per target group and their activities ({@code events_project},
 * {@code events_project_activity}): public list and per-district view; staff edit, audited
 * ({@code events.project.*}).
 */
@ApplicationScoped
@Transactional
public class Projects {

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

    /**
     * Projects with activities, by target group and name.
     *
     * @param targetGroup only this group, or null
     * @param district    only activities in this district (and projects that have one), or null
     */
    public List<ProjectView> list(String targetGroup, String district) {
        EntityManager e = tenant.bind(em);
        var q = e.createQuery("select p from PreventionProject p" + (targetGroup == null ? "" : " where"
                + " p.targetGroup = :g") + " order by p.targetGroup, p.name, p.id", PreventionProject.class);
        if (targetGroup != null) {
            q.setParameter("g", targetGroup);
        }
        Map<Long, List<ProjectActivity>> activities = e.createQuery("select a from ProjectActivity a order by"
                        + " a.startsOn, a.id", ProjectActivity.class).getResultList().stream()
                .filter(a -> district == null || a.districts().contains(district))
                .collect(Collectors.groupingBy(ProjectActivity::projectId));
        return q.getResultList().stream().filter(p -> district == null || activities.containsKey(p.id()))
                .map(p -> view(p, activities.getOrDefault(p.id(), List.of()))).toList();
    }

    public PreventionProject require(long id) {
        return tenant.requireOwned(em, PreventionProject.class, id, "project");
    }

    public ProjectView get(long id) {
        PreventionProject p = require(id);
        return view(p, tenant.bind(em).createQuery("select a from ProjectActivity a where a.projectId = :p order by"
                + " a.startsOn, a.id", ProjectActivity.class).setParameter("p", id).getResultList());
    }

    public PreventionProject create(String name, String group, String description) {
        PreventionProject p = new PreventionProject(name, group, description, clock.now(), caller.displayName());
        EntityManager e = tenant.bind(em);
        e.persist(p);
        e.flush();
        audit.record("events.project.created", "project", p.id(), name + " (" + group + ")");
        return p;
    }

    public PreventionProject update(long id, String name, String group, String description) {
        PreventionProject p = require(id);
        p.change(name, group, description);
        audit.record("events.project.updated", "project", id, name);
        return p;
    }

    public ProjectActivity addActivity(long id, String title, LocalDate from, LocalDate to, List<String> codes,
                                       int participants) {
        require(id);
        if (to.isBefore(from)) {
            throw ProblemException.invalid("endsOn", to + " is before startsOn " + from);
        }
        for (String d : codes) {
            districts.require(tenant.id(), d, "districts", bodies.today());
        }
        ProjectActivity a = new ProjectActivity(id, title, from, to, codes, participants);
        EntityManager e = tenant.bind(em);
        e.persist(a);
        e.flush();
        audit.record("events.project.activity-added", "project", id, title + ", " + participants + " participants");
        return a;
    }

    private static ProjectView view(PreventionProject p, List<ProjectActivity> activities) {
        return new ProjectView(p.id(), p.name(), p.targetGroup(), p.description(),
                activities.stream().mapToLong(ProjectActivity::participants).sum(), activities.stream()
                .map(a -> new ProjectView.Activity(a.id(), a.title(), a.startsOn().toString(), a.endsOn().toString(),
                        a.districts(), a.participants())).toList());
    }
}
