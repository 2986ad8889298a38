package cz.safecity.events.entity;

/**
 * One occurrence of a body's series.
 *
 * @param recurrenceId  the series' original local start ({@code 2027-03-25T17:00}, RFC 5545 RECURRENCE-ID); use it
 *                      in {@code …/occurrences/{recurrenceId}}
 * @param start         ISO 8601 with the local offset, e.g. {@code 2027-03-25T17:00:00+01:00}
 * @param end           ISO 8601 with the local offset
 * @param status        {@code planned}, {@code moved}, {@code cancelled} or {@code held}
 * @param originalStart for a moved occurrence, its computed start (ISO 8601 with offset), else null
 * @param location      where, or null
 * @param cancelReason  why it was cancelled, or null
 * @param meetingId     id of the meeting record once anything was done to the occurrence, else null
 */
public record OccurrenceView(String recurrenceId, String start, String end, String status, String originalStart,
                             String location, String cancelReason, Long meetingId) {
}
