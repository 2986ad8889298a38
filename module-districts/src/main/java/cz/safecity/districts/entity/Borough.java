package cz.safecity.districts.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A unit between city and district (table {@code districts_borough}; Czech <i>městský obvod</i>), e.g. "Plzeň 3".
 * Its level is a {@link HierarchyLevel#key()} other than {@code city}/{@code district}; {@code parentId} points to a
 * borough of the level above, or is null when the level above is the city. The code is unique within the city.
 */
@Entity
@Table(name = "districts_borough")
public class Borough extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "level_key", nullable = false, length = 40)
    private String level;
    @Column(nullable = false, length = 60)
    private String code;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(name = "parent_id")
    private Long parentId;
    /** Inhabitants, optional. */
    private Integer population;

    protected Borough() {
    }

    public Borough(String level, String code, String name, Long parentId, Integer population) {
        this.level = level;
        this.code = code;
        this.name = name;
        this.parentId = parentId;
        this.population = population;
    }

    public Long id() { return id; }
    public String level() { return level; }
    public String code() { return code; }
    public String name() { return name; }
    public Long parentId() { return parentId; }
    public Integer population() { return population; }

    public void change(String level, String name, Long parentId, Integer population) {
        this.level = level;
        this.name = name;
        this.parentId = parentId;
        this.population = population;
    }
}
