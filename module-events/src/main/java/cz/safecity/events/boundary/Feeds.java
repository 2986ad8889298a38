package cz.safecity.events.boundary;

import cz.safecity.events.control.CalendarFeeds;
import cz.safecity.events.control.Cadence;
import cz.safecity.events.entity.Body;
import cz.safecity.events.entity.Meeting;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Helpers shared by the iCalendar endpoints. */
final class Feeds {

    private Feeds() {
    }

    static CalendarFeeds.Series series(Body b, Cadence c, List<Meeting> meetings, String city) {
        Instant stamp = meetings.stream().map(Meeting::updatedAt).max(Instant::compareTo)
                .filter(i -> i.isAfter(b.createdAt())).orElse(b.createdAt());
        return new CalendarFeeds.Series("body-" + b.id() + "@" + city + ".safecity.cz", c, b.durationMinutes(),
                b.name(), b.location(), meetings, stamp);
    }

    /** JSON-B, as the JAX-RS answers are written (one instance; thread-safe). */
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** {@code value} as JSON text, for answers cached as text. */
    static String json(Object value) {
        return JSONB.toJson(value);
    }

    static Response ics(String text) {
        return Response.ok(text, "text/calendar; charset=utf-8").build();
    }
}
