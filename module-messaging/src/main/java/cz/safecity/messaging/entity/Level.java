package cz.safecity.messaging.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One rung of a city's escalation ladder (table {@code messaging_level}), lowest {@link #position} first. Deadlines
 * are working days in the city's zone; {@link #bodyKind} names the meeting body that handles the level (null when the
 * level is not a meeting); {@link #notifyEmail} receives new and escalated matters of the level.
 */
@Entity
@Table(name = "messaging_level")
public class Level extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public int position;
    @Column(nullable = false, length = 40)
    public String key;
    @Column(nullable = false, length = 200)
    public String name;
    @Column(name = "body_kind", length = 40)
    public String bodyKind;
    @Column(name = "ack_days", nullable = false)
    public int ackDays;
    @Column(name = "answer_days", nullable = false)
    public int answerDays;
    @Column(name = "notify_email", length = 320)
    public String notifyEmail;
}
