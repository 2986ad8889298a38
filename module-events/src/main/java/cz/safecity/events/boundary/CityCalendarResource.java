package cz.safecity.events.boundary;

import cz.safecity.events.EventsModule;
import cz.safecity.events.control.Bodies;
import cz.safecity.events.control.CalendarFeeds;
import cz.safecity.events.control.EventsCache;
import cz.safecity.events.control.PublicMeetings;
import cz.safecity.events.entity.Body;
import cz.safecity.events.entity.Meeting;
import cz.safecity.platform.module.ModuleEndpoint;
import cz.safecity.platform.tenant.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * City-wide and per-district iCalendar feeds: {@code /api/cities/{city}/events/calendar.ics[?district=CODE]} —
 * every body's series (or, with {@code district}, the bodies of that district and the public meetings there).
 */
@Path("cities/{city}/events")
@ModuleEndpoint(EventsModule.ID)
@RequestScoped
@Tag(name = "events")
public class CityCalendarResource {

    @PathParam("city")
    String city;
    @Inject
    Bodies bodies;
    @Inject
    PublicMeetings publicMeetings;
    @Inject
    TenantContext tenant;
    @Inject
    EventsCache cache;

    @GET
    @Path("calendar.ics")
    @PermitAll
    @Produces("text/calendar")
    @Operation(summary = "City-wide iCalendar feed of all bodies, or of one district (its bodies and public"
            + " meetings)")
    @APIResponse(responseCode = "200", description = "RFC 5545 calendar with the city's VTIMEZONE")
    public Response calendar(@QueryParam("district") String district) {
        return Feeds.ics(cache.get(new EventsCache.Key(city, "city.ics", 0, district == null ? "" : district),
                () -> feed(district)));
    }

    private String feed(String district) {
        List<Body> all = bodies.list(null).stream().filter(b -> b.rrule() != null)
                .filter(b -> district == null || ("district".equals(b.scope()) && district.equals(b.scopeCode())))
                .toList();
        Map<Long, List<Meeting>> meetings = bodies.meetings(all.stream().map(Body::id).toList()).stream()
                .collect(Collectors.groupingBy(Meeting::bodyId));
        List<CalendarFeeds.Series> series = all.stream().map(b -> Feeds.series(b, bodies.cadence(b),
                meetings.getOrDefault(b.id(), List.of()), city)).toList();
        List<CalendarFeeds.Single> singles = district == null ? List.of() : publicMeetings.singles(district, city);
        String name = tenant.require().name() + (district == null ? "" : " – " + district);
        return CalendarFeeds.write(bodies.zone(), name, series, singles);
    }
}
