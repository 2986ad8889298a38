package cz.safecity.districts.control;

import cz.safecity.platform.json.Inputs;
import cz.safecity.districts.entity.ContactPoint;
import cz.safecity.districts.entity.ContactPointView;
import cz.safecity.districts.entity.Recommendation;
import cz.safecity.districts.entity.RecommendationView;
import cz.safecity.districts.entity.WorkingGroupMember;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    TenantContext tenant;
    @Inject
    HttpServletRequest request;

    /** The card's day: the request's {@code at} (ISO date, city zone), default today. */
    public LocalDate day() {
        String at = parameter("at");
        return at == null ? LocalDate.now(tenant.require().zone()) : Inputs.date("at", at.strip());
    }

    /** The card's locale: the request's {@code lang} matched to the city's locales (400 naming {@code lang}). */
    public String locale() {
        return CityLocales.choose(tenant.require().locales(), parameter("lang"), "lang");
    }

    /**
     * The card parts of every district of the city on {@code day} in {@code locale}, read with three queries: the
     * members in force in seat order (police officer, constable, councillor), police stations first then info boxes
     * by name, the district's recommendations then the city-wide ones.
     */
    @Transactional
    public DistrictsCache.CityCardParts load(LocalDate day, String locale) {
        Map<String, List<WorkingGroupMember>> members = groups.membersOnByDistrict(day);
        Map<String, List<ContactPointView>> stations = new HashMap<>();
        for (ContactPoint p : points.list(null)) { // in list order: kind, name, id
            stations.computeIfAbsent(p.districtCode(), c -> new ArrayList<>()).add(ContactPointView.of(p));
        }
        Map<String, List<RecommendationView>> own = new HashMap<>();
        List<RecommendationView> cityWide = new ArrayList<>();
        for (Recommendation r : recommendations.all(locale)) { // by district, position, id
            (r.districtCode() == null ? cityWide : own.computeIfAbsent(r.districtCode(), c -> new ArrayList<>()))
                    .add(RecommendationView.of(r));
        }
        Set<String> codes = new HashSet<>(members.keySet());
        codes.addAll(stations.keySet());
        codes.addAll(own.keySet());
        Map<String, DistrictsCache.CardParts> byCode = new HashMap<>();
        for (String code : codes) {
            List<RecommendationView> advice = new ArrayList<>(own.getOrDefault(code, List.of()));
            advice.addAll(cityWide);
            byCode.put(code, new DistrictsCache.CardParts(members.getOrDefault(code, List.of()),
                    stations.getOrDefault(code, List.of()), advice));
        }
        return new DistrictsCache.CityCardParts(byCode, new DistrictsCache.CardParts(List.of(), List.of(), cityWide));
    }

    private String parameter(String name) {
        try {
            String v = request.getParameter(name);
            return v == null || v.isBlank() ? null : v;
        } catch (ContextNotActiveException | IllegalStateException e) {
            return null; // no HTTP request (e.g. an asynchronous observer)
        }
    }
}
