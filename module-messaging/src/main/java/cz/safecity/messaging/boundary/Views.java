package cz.safecity.messaging.boundary;

import cz.safecity.messaging.entity.Category;
import cz.safecity.messaging.entity.Entry;
import cz.safecity.messaging.entity.Level;
import cz.safecity.messaging.entity.Matter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** JSON shapes of the messaging API (JSON-B records; instants in ISO 8601 UTC, null members left out). */
public final class Views {

    private Views() {
    }

    public record DistrictView(String code, String name) {
    }

    public record LevelRef(String key, String name) {
    }

    public record Person(String name, String role) {
    }

    public record Location(double lat, double lon) {
    }

    public record Meeting(String body, Instant start, Long agendaItemId) {
    }

    public record Contact(String name, String email, String phone) {
    }

    public record EntryView(long id, String kind, String text, String authorName, String authorRole,
                            Instant createdAt) {
    }

    /** What the citizen sees through the tracking link. */
    public record CitizenView(long id, String category, String text, String status, DistrictView district,
                              String addressee, LevelRef level, Person owner, Instant dueAt, Meeting meeting,
                              boolean nearBoundary, List<DistrictView> neighbours, boolean canMove, Instant createdAt,
                              List<EntryView> thread) {
    }

    /**
     * The 201 answer of a submission: the citizen's view plus the tracking links (shown only here):
     * {@code trackingLink} the API resource (JSON, for client programs), {@code trackingPage} the portal's page of
     * the same thread, for people.
     */
    public record Submitted(long id, String trackingLink, String trackingPage, String trackingSecret, String status,
                            DistrictView district, boolean nearBoundary, List<DistrictView> neighbours,
                            boolean canMove, LevelRef level, Instant dueAt) {
    }

    /** A line of a staff inbox. */
    public record Summary(long id, String category, String excerpt, String status, DistrictView district,
                          String addressee, LevelRef level, Person owner, Instant createdAt, Instant ackDueAt,
                          Instant answerDueAt, boolean overdue, boolean demo) {
    }

    public record Page(List<Summary> items, String next) {
    }

    /** The staff's full view of a matter, internal notes and contact included. */
    public record StaffView(long id, String category, String text, String status, Location location,
                            DistrictView district, String addressee, boolean nearBoundary, boolean movedOnce,
                            LevelRef level, Person owner, Instant levelSince, Instant ackDueAt, Instant answerDueAt,
                            boolean overdue, Instant createdAt, Instant firstResponseAt, Instant closedAt,
                            Contact contact, Instant contactErasedAt, boolean consent, String locale, String source,
                            boolean demo, int escalations, Meeting meeting, List<EntryView> thread) {
    }

    public record CategoryView(String code, String nameCs, String nameEn, boolean active) {
    }

    public record LevelView(String key, String name, String bodyKind, int ackDays, int answerDays,
                            String notifyEmail) {
    }

    // ------------------------------------------------------------------------------------------------ mapping

    static DistrictView district(Matter m) {
        return m.districtCode == null ? null : new DistrictView(m.districtCode, m.districtName);
    }

    static LevelRef level(Matter m, List<Level> levels) {
        return new LevelRef(m.levelKey, levels.stream().filter(l -> l.key.equals(m.levelKey)).map(l -> l.name)
                .findFirst().orElse(m.levelKey));
    }

    static Person owner(Matter m) {
        return m.ownerName == null ? null : new Person(m.ownerName, m.ownerRole);
    }

    static Meeting meeting(Matter m) {
        return m.meetingBody == null ? null : new Meeting(m.meetingBody, m.meetingStart, m.meetingAgendaId);
    }

    static List<DistrictView> neighbours(Matter m) {
        return m.neighbours == null || m.movedOnce ? List.of()
                : Arrays.stream(m.neighbours.split(",")).map(c -> new DistrictView(c, null)).toList();
    }

    static boolean canMove(Matter m) {
        return m.nearBoundary && !m.movedOnce;
    }

    static boolean overdue(Matter m, Instant now) {
        return Matter.OPEN.contains(m.status) && (("new".equals(m.status) && m.ackDueAt != null
                && m.ackDueAt.isBefore(now)) || (m.answerDueAt != null && m.answerDueAt.isBefore(now)));
    }

    static Instant dueAt(Matter m) {
        if (!Matter.OPEN.contains(m.status)) {
            return null;
        }
        return "new".equals(m.status) ? m.ackDueAt : m.answerDueAt;
    }

    static EntryView entry(Entry e) {
        return new EntryView(e.id, e.kind, e.text, e.authorName, e.authorRole, e.createdAt);
    }

    static CitizenView citizen(Matter m, List<Level> levels, List<Entry> thread) {
        return new CitizenView(m.id, m.category, m.text, m.status, district(m), m.addressee, level(m, levels),
                owner(m), dueAt(m), meeting(m), m.nearBoundary, neighbours(m), canMove(m), m.createdAt,
                thread.stream().map(Views::entry).toList());
    }

    static Summary summary(Matter m, List<Level> levels, Instant now) {
        String excerpt = m.text.length() <= 200 ? m.text : m.text.substring(0, m.text.offsetByCodePoints(0,
                Math.min(200, m.text.codePointCount(0, m.text.length())))) + "…";
        return new Summary(m.id, m.category, excerpt, m.status, district(m), m.addressee, level(m, levels), owner(m),
                m.createdAt, m.ackDueAt, m.answerDueAt, overdue(m, now), m.demo);
    }

    static StaffView staff(Matter m, List<Level> levels, List<Entry> thread, Instant now) {
        Contact contact = m.contactName == null && m.contactEmail == null && m.contactPhone == null ? null
                : new Contact(m.contactName, m.contactEmail, m.contactPhone);
        return new StaffView(m.id, m.category, m.text, m.status, m.lat == null ? null : new Location(m.lat, m.lon),
                district(m), m.addressee, m.nearBoundary, m.movedOnce, level(m, levels), owner(m), m.levelSince,
                m.ackDueAt, m.answerDueAt, overdue(m, now), m.createdAt, m.firstResponseAt, m.closedAt, contact,
                m.contactErasedAt, m.consent, m.locale, m.source, m.demo, m.escalations, meeting(m),
                thread.stream().map(Views::entry).toList());
    }

    static CategoryView category(Category c) {
        return new CategoryView(c.code, c.nameCs, c.nameEn, c.active);
    }

    static LevelView level(Level l) {
        return new LevelView(l.key, l.name, l.bodyKind, l.ackDays, l.answerDays, l.notifyEmail);
    }
}
