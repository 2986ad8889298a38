package cz.safecity.events.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A checklist item of an event plan with who ticked it and when (table {@code events_plan_check}). */
@Entity
@Table(name = "events_plan_check")
public class PlanCheck extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "plan_id", nullable = false)
    private long planId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false, length = 500)
    private String text;
    @Column(nullable = false)
    private boolean done;
    @Column(name = "done_by_name", length = 200)
    private String doneByName;
    @Column(name = "done_at")
    private Instant doneAt;

    protected PlanCheck() {
    }

    public PlanCheck(long planId, int position, String text) {
        this.planId = planId;
        this.position = position;
        this.text = text;
    }

    /** Ticks ({@code done}) or unticks the item, recording who. */
    public void tick(boolean done, String by, Instant at) {
        this.done = done;
        this.doneByName = done ? by : null;
        this.doneAt = done ? at : null;
    }

    public Long id() { return id; }
    public long planId() { return planId; }
    public int position() { return position; }
    public String text() { return text; }
    public boolean done() { return done; }
    public String doneByName() { return doneByName; }
    public Instant doneAt() { return doneAt; }
}
