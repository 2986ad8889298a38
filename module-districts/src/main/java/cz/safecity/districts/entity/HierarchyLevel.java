package cz.safecity.districts.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One level of a city's hierarchy (table {@code districts_level}): position 0 is always {@code city}, the last
 * is always {@code district}, levels in between hold boroughs (e.g. Plzeň: city → borough → district).
 */
@Entity
@Table(name = "districts_level")
public class HierarchyLevel extends TenantOwned {

    /** Key of the top level. */
    public static final String CITY = "city";
    /** Key of the bottom level. */
    public static final String DISTRICT = "district";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false, length = 40)
    private String key;
    @Column(nullable = false, length = 100)
    private String name;

    protected HierarchyLevel() {
    }

    public HierarchyLevel(int position, String key, String name) {
        this.position = position;
        this.key = key;
        this.name = name;
    }

    public Long id() { return id; }
    public int position() { return position; }
    public String key() { return key; }
    public String name() { return name; }
}
