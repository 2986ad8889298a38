package cz.safecity.events.entity;

import java.util.List;

/**
 * One occurrence with what was done at it.
 *
 * @param occurrence the occurrence (times with the local offset, status)
 * @param bodyId     the body
 * @param bodyName   the body's name
 * @param agenda     agenda items in order ({@code matterId} set for escalated matters)
 * @param attendance named attendance
 * @param minutes    the minutes (shown to the public only once published), or null
 * @param published  whether the minutes are published
 * @param decisions  decisions, with the measure each created
 */
public record MeetingView(OccurrenceView occurrence, long bodyId, String bodyName, List<Item> agenda,
                          List<Person> attendance, String minutes, boolean published, List<DecisionItem> decisions) {

    public record Item(long id, int position, String title, String description, Long matterId, String addedBy) {
    }

    public record Person(String name, String role, String institution, boolean present) {
    }

    public record DecisionItem(long id, String text, Long measureId) {
    }
}
