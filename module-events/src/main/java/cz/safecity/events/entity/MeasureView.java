package cz.safecity.events.entity;

import java.util.List;

/**
 * A measure as the API shows it.
 *
 * @param overdue true when past the deadline (city's today) and neither done nor cancelled
 * @param reviews effectiveness reviews, oldest first (only in the detail)
 */
public record MeasureView(long id, String title, String description, String district, Long riskPlaceId,
                          String owner, String deadline, String status, String startedOn, String doneOn,
                          boolean overdue, Long bodyId, Long meetingId, String createdBy, String updatedBy,
                          List<Review> reviews) {

    /**
     * @param rating         1 (no effect) … 5 (solved)
     * @param offencesBefore offences in the district (or city) in {@code beforeFrom..beforeTo}; null = unknown
     * @param offencesAfter  offences in {@code afterFrom..afterTo}; null = unknown
     * @param figuresNote    why figures are missing, or where they came from
     */
    public record Review(long id, String reviewedOn, int rating, String note, Long meetingId, String beforeFrom,
                         String beforeTo, String afterFrom, String afterTo, Long offencesBefore, Long offencesAfter,
                         String figuresNote, String reviewedBy) {
    }
}
