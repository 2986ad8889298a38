package cz.safecity.events.entity;

/**
 * A public meeting as announced (no personal data).
 *
 * @param start       ISO 8601 with the local offset
 * @param end         ISO 8601 with the local offset
 * @param confirmed   registrations confirmed
 * @param waitlisted  registrations on the waitlist
 * @param seatsLeft   capacity minus confirmed
 * @param minutes     the minutes once published, else null
 */
public record PublicMeetingView(long id, String title, Long bodyId, String district, String place, String start,
                                String end, String agenda, int capacity, long confirmed, long waitlisted,
                                long seatsLeft, String status, String minutes, String minutesPublishedAt) {
}
