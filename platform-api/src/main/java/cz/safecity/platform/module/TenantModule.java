package cz.safecity.platform.module;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Row of {@code platform_tenant_module}: whether a module is enabled for a city, with its settings (jsonb). */
@Entity
@Table(name = "platform_tenant_module")
@IdClass(TenantModule.Key.class)
public class TenantModule {

    public record Key(String tenant, String module) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    private String tenant;
    @Id
    private String module;
    @Column(nullable = false)
    private boolean enabled;
    /** JSON object text; the column is jsonb (the pool sends strings as 'unspecified'). */
    @Column(nullable = false)
    private String settings = "{}";
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;
    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    protected TenantModule() {
    }

    public TenantModule(String tenant, String module) {
        this.tenant = tenant;
        this.module = module;
    }

    public String tenant() {
        return tenant;
    }

    public String module() {
        return module;
    }

    public boolean enabled() {
        return enabled;
    }

    public String settingsJson() {
        return settings;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public String changedBy() {
        return changedBy;
    }

    public void change(boolean enabled, String settingsJson, Instant at, String by) {
        this.enabled = enabled;
        this.settings = settingsJson;
        this.changedAt = at;
        this.changedBy = by;
    }
}
