package cz.safecity.platform.it;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant-owned probe row (table {@code arqtest_probe_note}, created by the test's persistence unit). */
@Entity
@Table(name = "arqtest_probe_note")
public class ProbeNote extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String text;

    protected ProbeNote() {
    }

    public ProbeNote(String text) {
        this.text = text;
    }

    public Long id() {
        return id;
    }

    public String text() {
        return text;
    }
}
