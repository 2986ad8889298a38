package cz.safecity.events.entity;

import java.util.List;

/**
 * A body as the API shows it ({@code GET /api/cities/{city}/bodies}; the contract other modules rely on).
 *
 * @param id              id
 * @param kind            one of {@link Body#KINDS}
 * @param name            display name
 * @param scope           {@code city}, {@code borough} or {@code district}
 * @param scopeCode       borough name or district code for those scopes, else null
 * @param rrule           the series' RFC 5545 RRULE value (e.g. {@code FREQ=WEEKLY;INTERVAL=2}), or null
 * @param seriesStart     DTSTART, local date-time in the city's zone ({@code 2027-01-07T17:00}), or null
 * @param durationMinutes length of a meeting in minutes, or null
 * @param location        where it usually meets, or null
 * @param icalUrl         absolute URL of the body's iCalendar feed
 * @param members         named members with roles and membership dates (history included; only in the detail)
 */
public record BodyView(long id, String kind, String name, String scope, String scopeCode, String rrule,
                       String seriesStart, Integer durationMinutes, String location, String icalUrl,
                       List<MemberView> members) {

    /**
     * @param validTo last day of membership, or null while a member
     */
    public record MemberView(long id, String name, String role, String institution, String username,
                             String validFrom, String validTo) {
    }
}
