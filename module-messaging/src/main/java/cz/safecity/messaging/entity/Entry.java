package cz.safecity.messaging.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of a matter's thread (table {@code messaging_entry}): the citizen's text, a public reply, an internal note
 * (staff only) or an event (status change, escalation, meeting), signed by a named person and role, or by
 * {@code citizen} / {@code system}.
 */
@Entity
@Table(name = "messaging_entry")
public class Entry extends TenantOwned {

    public static final String CITIZEN = "citizen";
    public static final String REPLY = "reply";
    public static final String NOTE = "note";
    public static final String EVENT = "event";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "matter_id", nullable = false)
    public long matterId;
    @Column(nullable = false, length = 20)
    public String kind;
    @Column(nullable = false)
    public String text;
    @Column(name = "author_person_id", length = 100)
    public String authorPersonId;
    @Column(name = "author_name", nullable = false, length = 200)
    public String authorName;
    @Column(name = "author_role", nullable = false, length = 40)
    public String authorRole;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Whether the citizen sees it (everything but internal notes). */
    public boolean isPublic() {
        return !NOTE.equals(kind);
    }
}
