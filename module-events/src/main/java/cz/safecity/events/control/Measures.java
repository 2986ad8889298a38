package cz.safecity.events.control;

import cz.safecity.events.entity.Measure;
import cz.safecity.events.entity.MeasureReview;
import cz.safecity.events.entity.MeasureView;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.contract.CrimeFigures;
import cz.safecity.platform.module.ModuleRegistry;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.tenant.TenantContext;
import cz.safecity.platform.tenant.TenantId;
import cz.safecity.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalLong;

/**
 * Measures (<i>opatření</i>) of the current city and their effectiveness reviews ({@code events_measure},
 * {@code events_measure_review}); staff create and update them, all audited ({@code events.measure.*}).
 * A review's before/after figures come from the stats module's {@link CrimeFigures} when it is deployed and enabled
 * for the city: offences in the measure's district (or the whole city) in the full months from the month the
 * measure began up to the month before the review ("after", at most the last 12 of them), and in the same calendar
 * months one year earlier ("before", so that seasons match). Otherwise the counts are null and a note says why.
 */
@ApplicationScoped
@Transactional
public class Measures {

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
    @Inject
    Instance<CrimeFigures> figures;
    @Inject
    ModuleRegistry modules;

    /**
     * Measures, deadline first.
     *
     * @param status   only this status, or null
     * @param district only this district, or null
     * @param overdue  only overdue ones
     */
    public List<Measure> list(String status, String district, boolean overdue) {
        StringBuilder q = new StringBuilder("select m from Measure m where 1 = 1");
        if (status != null) {
            q.append(" and m.status = :s");
        }
        if (district != null) {
            q.append(" and m.districtCode = :d");
        }
        var query = tenant.bind(em).createQuery(q.append(" order by m.deadline, m.id").toString(), Measure.class);
        if (status != null) {
            query.setParameter("s", status);
        }
        if (district != null) {
            query.setParameter("d", district);
        }
        LocalDate today = bodies.today();
        return query.getResultList().stream().filter(m -> !overdue || m.overdue(today)).toList();
    }

    public Measure require(long id) {
        return tenant.requireOwned(em, Measure.class, id, "measure");
    }

    public Measure create(Measure.Fields f) {
        check(f);
        Measure m = new Measure(f, clock.now(), caller.displayName());
        EntityManager e = tenant.bind(em);
        e.persist(m);
        e.flush();
        audit.record("events.measure.created", "measure", m.id(), m.title() + ", owner " + m.ownerName()
                + ", deadline " + m.deadline());
        return m;
    }

    public Measure update(long id, Measure.Fields f) {
        Measure m = require(id);
        check(f);
        String before = m.status();
        m.change(f, bodies.today(), clock.now(), caller.displayName());
        audit.record("events.measure.updated", "measure", id, m.title() + " " + m.status()
                + (before.equals(m.status()) ? "" : " (was " + before + ")"));
        return m;
    }

    private void check(Measure.Fields f) {
        if (f.bodyId() != null) {
            bodies.require(f.bodyId());
        }
        districts.require(tenant.id(), f.districtCode(), "district", bodies.today());
        if (f.deadline().isBefore(f.startedOn())) {
            throw ProblemException.invalid("deadline", f.deadline() + " is before startedOn " + f.startedOn());
        }
    }

    public List<MeasureReview> reviews(long measureId) {
        return tenant.bind(em).createQuery("select r from MeasureReview r where r.measureId = :m order by"
                + " r.reviewedOn, r.id", MeasureReview.class).setParameter("m", measureId).getResultList();
    }

    /**
     * Records an effectiveness review with before/after figures where available.
     *
     * @param rating 1..5
     */
    public MeasureReview review(long id, int rating, String note, LocalDate reviewedOn, Long meetingId) {
        Measure m = require(id);
        LocalDate on = reviewedOn == null ? bodies.today() : reviewedOn;
        if (on.isBefore(m.startedOn())) {
            throw ProblemException.invalid("reviewedOn", on + " is before the measure began (" + m.startedOn() + ")");
        }
        MeasureReview r = new MeasureReview(id, meetingId, on, rating, note, clock.now(), caller.displayName());
        fillFigures(r, tenant.id(), m.districtCode(), YearMonth.from(m.startedOn()), YearMonth.from(on));
        EntityManager e = tenant.bind(em);
        e.persist(r);
        e.flush();
        audit.record("events.measure.reviewed", "measure", id, "rating " + rating);
        return r;
    }

    /** Computes the windows and asks {@link CrimeFigures}; null counts with a note when unknown. */
    void fillFigures(MeasureReview r, TenantId city, String district, YearMonth began, YearMonth reviewed) {
        YearMonth afterTo = reviewed.minusMonths(1);
        YearMonth afterFrom = began.isBefore(afterTo.minusMonths(11)) ? afterTo.minusMonths(11) : began;
        if (afterTo.isBefore(afterFrom)) {
            r.figures(null, null, null, null, null, null, "no full month has passed since the measure began");
            return;
        }
        YearMonth beforeFrom = afterFrom.minusYears(1);
        YearMonth beforeTo = afterTo.minusYears(1);
        String note;
        Long before = null;
        Long after = null;
        if (figures.isUnsatisfied()) {
            note = "crime figures are not available (the stats module is not deployed)";
        } else if (!modules.isEnabled(city, "stats")) {
            note = "crime figures are not available (the stats module is disabled for this city)";
        } else {
            CrimeFigures f = figures.get();
            OptionalLong b = f.offences(city, district, null, beforeFrom, beforeTo);
            OptionalLong a = f.offences(city, district, null, afterFrom, afterTo);
            if (b.isPresent() && a.isPresent()) {
                before = b.getAsLong();
                after = a.getAsLong();
                note = "offences " + (district == null ? "in the city" : "in district " + district)
                        + ", stats module";
            } else {
                note = "no crime records were imported for this city";
            }
        }
        r.figures(beforeFrom.toString(), beforeTo.toString(), afterFrom.toString(), afterTo.toString(), before,
                after, note);
    }

    public MeasureView view(Measure m, boolean withReviews) {
        LocalDate today = bodies.today();
        return new MeasureView(m.id(), m.title(), m.description(), m.districtCode(), m.riskPlaceId(), m.ownerName(),
                m.deadline().toString(), m.status(), m.startedOn().toString(),
                m.doneOn() == null ? null : m.doneOn().toString(), m.overdue(today), m.bodyId(), m.meetingId(),
                m.createdByName(), m.updatedByName(), withReviews ? reviews(m.id()).stream().map(r ->
                new MeasureView.Review(r.id(), r.reviewedOn().toString(), r.rating(), r.note(), r.meetingId(),
                        r.beforeFrom(), r.beforeTo(), r.afterFrom(), r.afterTo(), r.offencesBefore(),
                        r.offencesAfter(), r.figuresNote(), r.reviewedByName())).toList() : null);
    }
}
