package cz.safecity.districts.control;

import cz.safecity.districts.entity.WorkingGroupAssignment;
import cz.safecity.districts.entity.WorkingGroupAssignment.Person;
import cz.safecity.districts.entity.WorkingGroupMember;
import cz.safecity.districts.entity.WorkingGroupRole;
import cz.safecity.districts.entity.WorkingGroupView;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.tenant.Tenant;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Working groups of the current city's districts: assignments with history ({@code districts_wg_assignment}),
 * following the rules of {@link WorkingGroupHistory}. Every change is audited ({@code districts.member.assigned},
 * {@code districts.member.ended}, object type {@code district}, object id the district code) and forgets the city's
 * cached card parts ({@link DistrictsCache#cardPartsChanged}).
 */
@ApplicationScoped
@Transactional
public class WorkingGroups {

    @PersistenceContext(unitName = "districts")
    EntityManager em;
    @Inject
    TenantContext tenant;
    @Inject
    DistrictCodes districts;
    @Inject
    AuditLog audit;
    @Inject
    Caller caller;
    @Inject
    DistrictsCache cached;

    /**
     * Assigns a person to a seat from {@code input.from()}, ending the seat's previous assignment on the day before.
     *
     * @throws ProblemException 404 when {@code code} is not a district of the current boundary version; 409 naming
     *                          {@code from} when it lies before the seat's latest assignment
     */
    public WorkingGroupHistory.Assigned assign(String code, WorkingGroupRole role, MemberInput input) {
        districts.requireCurrent(code);
        List<WorkingGroupAssignment> seat = lockSeat(code, role);
        Person p = input.person();
        WorkingGroupHistory.Assigned out = WorkingGroupHistory.assign(seat, code, role, input.from(), p,
                Instant.now(), caller.personId());
        if (!out.changed()) {
            return out;
        }
        cached.cardPartsChanged();
        EntityManager m = tenant.bind(em);
        try {
            m.flush(); // the predecessor's end first: one open assignment per seat (unique index)
            m.persist(out.assignment());
            m.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("The " + role.key() + " seat of district " + code
                    + " was changed at the same time; reload and try again.", "role");
        }
        audit.record("districts.member.assigned", "district", code, role.key() + ": " + p.displayName() + " ("
                + p.username() + ") from " + input.from() + (out.ended() == null ? "" : "; ends #" + out.ended().id()
                + " " + out.ended().displayName() + " on " + out.ended().validTo()));
        return out;
    }

    /**
     * Ends the seat's latest assignment on {@code lastDay} (inclusive), leaving the seat vacant afterwards.
     *
     * @param lastDay last day in force; null = yesterday (vacant from today)
     * @throws ProblemException 404 for an unknown district or a seat never assigned; 409 when already ended;
     *                          400 naming {@code to} for a day before the assignment began
     */
    public WorkingGroupAssignment end(String code, WorkingGroupRole role, LocalDate lastDay) {
        districts.requireEverKnown(code);
        LocalDate day = lastDay != null ? lastDay : districts.today().minusDays(1);
        WorkingGroupAssignment ended = WorkingGroupHistory.end(lockSeat(code, role), code, role, day, Instant.now(),
                caller.personId());
        cached.cardPartsChanged();
        audit.record("districts.member.ended", "district", code, role.key() + ": #" + ended.id() + " "
                + ended.displayName() + " (" + ended.username() + ") last day " + day);
        return ended;
    }

    /**
     * The working group on {@code day} (city zone), public fields only.
     *
     * @param day null = today
     * @throws ProblemException 404 when {@code code} is not a district of the version in force that day
     */
    public WorkingGroupView on(String code, LocalDate day) {
        LocalDate at = day != null ? day : districts.today();
        districts.requireOn(code, at);
        return view(code, at, membersOn(code, at));
    }

    /**
     * The members of a district on a day without checking the code (for the district card, which has already
     * found the district). Public fields only, in seat order.
     */
    public List<WorkingGroupMember> membersOn(String code, LocalDate day) {
        Tenant city = tenant.require();
        Map<WorkingGroupRole, WorkingGroupAssignment> group = WorkingGroupHistory.groupAt(assignments(code), day);
        return group.values().stream()
                .map(a -> WorkingGroupMember.of(a, city.name(), vcardPath(city, code, a.role()))).toList();
    }

    /**
     * The members of every district of the city on a day, by district code (districts without any are absent): for
     * the cached card parts of the whole city. Public fields only, in seat order; as {@link #membersOn} per code.
     */
    public Map<String, List<WorkingGroupMember>> membersOnByDistrict(LocalDate day) {
        Tenant city = tenant.require();
        Map<String, List<WorkingGroupAssignment>> byCode = new TreeMap<>();
        tenant.bind(em).createQuery("select a from WorkingGroupAssignment a where a.validFrom <= :day "
                        + "and (a.validTo is null or a.validTo >= :day)", WorkingGroupAssignment.class)
                .setParameter("day", day).getResultList()
                .forEach(a -> byCode.computeIfAbsent(a.districtCode(), c -> new ArrayList<>()).add(a));
        Map<String, List<WorkingGroupMember>> out = new TreeMap<>();
        byCode.forEach((code, assignments) -> out.put(code, WorkingGroupHistory.groupAt(assignments, day).values()
                .stream().map(a -> WorkingGroupMember.of(a, city.name(), vcardPath(city, code, a.role()))).toList()));
        return out;
    }

    /** The member of one seat on {@code day} (null = today); 404 when the district is unknown or the seat vacant. */
    public WorkingGroupMember member(String code, WorkingGroupRole role, LocalDate day) {
        LocalDate at = day != null ? day : districts.today();
        districts.requireOn(code, at);
        Tenant city = tenant.require();
        return WorkingGroupHistory.at(seat(code, role), at)
                .map(a -> WorkingGroupMember.of(a, city.name(), vcardPath(city, code, a.role())))
                .orElseThrow(() -> ProblemException.notFound("working-group member", code + "/" + role.key()
                        + " on " + at));
    }

    /** Every assignment of the district, newest first, public fields only (the "personal responsibility"). */
    public List<WorkingGroupMember> history(String code) {
        districts.requireEverKnown(code);
        String city = tenant.require().name();
        return WorkingGroupHistory.newestFirst(assignments(code)).stream()
                .map(a -> WorkingGroupMember.of(a, city, null)).toList();
    }

    /** Every assignment of the district, newest first, with private fields (city-admin). */
    public List<WorkingGroupAssignment> assignmentsNewestFirst(String code) {
        districts.requireEverKnown(code);
        return WorkingGroupHistory.newestFirst(assignments(code));
    }

    private List<WorkingGroupAssignment> assignments(String code) {
        return tenant.bind(em).createQuery("select a from WorkingGroupAssignment a where a.districtCode = :code",
                WorkingGroupAssignment.class).setParameter("code", code).getResultList();
    }

    private List<WorkingGroupAssignment> seat(String code, WorkingGroupRole role) {
        return tenant.bind(em).createQuery("select a from WorkingGroupAssignment a where a.districtCode = :code "
                        + "and a.role = :role", WorkingGroupAssignment.class)
                .setParameter("code", code).setParameter("role", role).getResultList();
    }

    /** The seat's rows, locked (select … for update) so that two concurrent changes of one seat serialise. */
    private List<WorkingGroupAssignment> lockSeat(String code, WorkingGroupRole role) {
        return new ArrayList<>(tenant.bind(em).createQuery("select a from WorkingGroupAssignment a "
                        + "where a.districtCode = :code and a.role = :role", WorkingGroupAssignment.class)
                .setParameter("code", code).setParameter("role", role)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList());
    }

    static WorkingGroupView view(String code, LocalDate at, List<WorkingGroupMember> members) {
        List<String> vacant = Arrays.stream(WorkingGroupRole.values()).map(WorkingGroupRole::key)
                .filter(r -> members.stream().noneMatch(m -> m.role().equals(r))).toList();
        return new WorkingGroupView(code, at, members, vacant);
    }

    static String vcardPath(Tenant city, String code, WorkingGroupRole role) {
        return "/api/cities/" + city.slug() + "/districts/" + urlSegment(code) + "/working-group/" + role.key()
                + ".vcf";
    }

    private static String urlSegment(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
