package cz.safecity.events.entity;

import java.util.List;

/**
 * A prevention project with its activities.
 *
 * @param participants participants reached by all its activities
 */
public record ProjectView(long id, String name, String targetGroup, String description, long participants,
                          List<Activity> activities) {

    public record Activity(long id, String title, String startsOn, String endsOn, List<String> districts,
                           int participants) {
    }
}
