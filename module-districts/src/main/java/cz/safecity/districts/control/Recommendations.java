package cz.safecity.districts.control;

import cz.safecity.districts.entity.Recommendation;
import cz.safecity.platform.audit.AuditLog;
import cz.safecity.platform.problem.ProblemException;
import cz.safecity.platform.security.Caller;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Safety recommendations of the current city ({@code districts_recommendation}), per locale, per district or
 * city-wide. Changes are audited ({@code districts.recommendation.created|updated|deleted}, object type
 * {@code recommendation}) and forget the city's cached card parts ({@link DistrictsCache#cardPartsChanged}). Another
 * city's id answers 404.
 */
@ApplicationScoped
@Transactional
public class Recommendations {

    /** Position step when appending, so that items can later be put between two others. */
    static final int STEP = 10;

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
     * For a district's public list: the district's own recommendations, then the city-wide ones, each by position
     * and id, in {@code locale}.
     */
    public List<Recommendation> forDistrict(String code, String locale) {
        List<Recommendation> own = query("r.districtCode = :code", locale, code);
        List<Recommendation> all = new java.util.ArrayList<>(own);
        all.addAll(cityWide(locale));
        return all;
    }

    /** City-wide recommendations in {@code locale}, by position and id. */
    public List<Recommendation> cityWide(String locale) {
        return query("r.districtCode is null", locale, null);
    }

    /** Every recommendation in {@code locale} (district and city-wide), by district, position and id. */
    public List<Recommendation> all(String locale) {
        return tenant.bind(em).createQuery("select r from Recommendation r where r.locale = :locale "
                        + "order by r.districtCode, r.position, r.id", Recommendation.class)
                .setParameter("locale", locale).getResultList();
    }

    /** @throws ProblemException 404 when there is no such recommendation in this city */
    public Recommendation require(long id) {
        return tenant.requireOwned(em, Recommendation.class, id, "recommendation");
    }

    /** @throws ProblemException 404 when the district is not in the current boundary version */
    public Recommendation create(RecommendationInput in) {
        if (in.district() != null) {
            districts.requireCurrent(in.district());
        }
        int position = in.position() != null ? in.position() : nextPosition(in.district(), in.locale());
        Recommendation r = new Recommendation(fields(in, position), Instant.now(), caller.personId());
        EntityManager m = tenant.bind(em);
        m.persist(r);
        m.flush();
        cached.cardPartsChanged();
        audit.record("districts.recommendation.created", "recommendation", r.id(), describe(r));
        return r;
    }

    /** Replaces every field (an absent position keeps the current one); 404 for an unknown id or district. */
    public Recommendation update(long id, RecommendationInput in) {
        Recommendation r = require(id);
        if (in.district() != null) {
            districts.requireCurrent(in.district());
        }
        int position = in.position() != null ? in.position() : r.position();
        r.change(fields(in, position), Instant.now(), caller.personId());
        cached.cardPartsChanged();
        audit.record("districts.recommendation.updated", "recommendation", id, describe(r));
        return r;
    }

    /** Deletes a recommendation; 404 for an unknown id. */
    public void delete(long id) {
        Recommendation r = require(id);
        tenant.bind(em).remove(r);
        cached.cardPartsChanged();
        audit.record("districts.recommendation.deleted", "recommendation", id, describe(r));
    }

    private List<Recommendation> query(String where, String locale, String code) {
        var q = tenant.bind(em).createQuery("select r from Recommendation r where " + where
                + " and r.locale = :locale order by r.position, r.id", Recommendation.class)
                .setParameter("locale", locale);
        if (code != null) {
            q.setParameter("code", code);
        }
        return q.getResultList();
    }

    private int nextPosition(String district, String locale) {
        List<Recommendation> list = district == null ? cityWide(locale) : query("r.districtCode = :code", locale,
                district);
        int max = list.stream().mapToInt(Recommendation::position).max().orElse(0);
        return Math.min(max + STEP, RecommendationInput.MAX_POSITION);
    }

    private static Recommendation.Fields fields(RecommendationInput in, int position) {
        return new Recommendation.Fields(in.district(), in.locale(), position, in.title(), in.text());
    }

    private static String describe(Recommendation r) {
        return (r.districtCode() == null ? "city-wide" : "district " + r.districtCode()) + ", " + r.locale()
                + ", position " + r.position() + (r.title() == null ? "" : ": " + r.title());
    }
}
