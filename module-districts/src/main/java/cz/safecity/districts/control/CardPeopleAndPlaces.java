package cz.safecity.districts.control;

import cz.safecity.districts.entity.ContactPointView;
import cz.safecity.districts.entity.RecommendationView;
import cz.safecity.districts.entity.WorkingGroupMember;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;

/**
 * The people-and-places parts of a district card, plugged in through {@link DistrictCardParts}: the working group
 * in force on the card's day (public fields only), the district's police stations and info boxes, and its
 * recommendations (the district's own, then the city-wide ones) in the card's language.
 *
 * <p>The card's day and language are the request's query parameters {@code at} (ISO date, city zone; default today
 * — the card resource has already validated it) and {@code lang} (one of the city's locales, language-only match
 * accepted; default the city's default locale; 400 naming {@code lang} otherwise). Outside an HTTP request the
 * defaults apply.
 */
@ApplicationScoped
public class CardPeopleAndPlaces {

    @Inject
    WorkingGroups groups;
    @Inject
    ContactPoints points;
    @Inject
    Recommendations recommendations;
    @Inject
    DistrictCodes districts;
    @Inject
    TenantContext tenant;
    @Inject
    Instance<HttpServletRequest> request;

    /** Members in force on the card's day, in seat order (police officer, constable, councillor). */
    public List<WorkingGroupMember> workingGroup(String code) {
        String at = parameter("at");
        LocalDate day = at == null ? districts.today() : Inputs.date("at", at.strip());
        return groups.membersOn(code, day);
    }

    /** Police stations first, then info boxes, by name. */
    public List<ContactPointView> stations(String code) {
        return points.list(code).stream().map(ContactPointView::of).toList();
    }

    /** The district's recommendations, then the city-wide ones, in the card's language. */
    public List<RecommendationView> recommendations(String code) {
        String locale = CityLocales.choose(tenant.require().locales(), parameter("lang"), "lang");
        return recommendations.forDistrict(code, locale).stream().map(RecommendationView::of).toList();
    }

    private String parameter(String name) {
        try {
            if (request.isUnsatisfied()) {
                return null;
            }
            String v = request.get().getParameter(name);
            return v == null || v.isBlank() ? null : v;
        } catch (ContextNotActiveException | IllegalStateException e) {
            return null; // no HTTP request (e.g. an asynchronous observer)
        }
    }
}
