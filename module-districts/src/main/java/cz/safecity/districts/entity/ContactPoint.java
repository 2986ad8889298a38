package cz.safecity.districts.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A place in a district where citizens reach the working group (table {@code districts_contact_point}): a state
 * police station, a municipal police station, or an info box (<i>info-schránka</i>) for written messages. A point in
 * WGS84 lon/lat degrees, belonging to a district by code.
 */
@Entity
@Table(name = "districts_contact_point")
public class ContactPoint extends TenantOwned {

    /** {@link #kind()}: station of the state police (PČR). */
    public static final String POLICE_STATION_STATE = "police-station-state";
    /** {@link #kind()}: station of the municipal police (MP). */
    public static final String POLICE_STATION_MUNICIPAL = "police-station-municipal";
    /** {@link #kind()}: info box (info-schránka). */
    public static final String INFO_BOX = "info-box";
    /** All kinds, in the order lists show them. */
    public static final java.util.List<String> KINDS = java.util.List.of(POLICE_STATION_STATE,
            POLICE_STATION_MUNICIPAL, INFO_BOX);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "district_code", nullable = false, length = 60)
    private String districtCode;
    @Column(nullable = false, length = 30)
    private String kind;
    @Column(nullable = false, length = 200)
    private String name;
    @Column(length = 300)
    private String address;
    @Column(name = "opening_hours", length = 500)
    private String openingHours;
    /** WGS84 longitude, degrees. */
    @Column(nullable = false)
    private double lon;
    /** WGS84 latitude, degrees. */
    @Column(nullable = false)
    private double lat;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    protected ContactPoint() {
    }

    public ContactPoint(Fields fields, Instant at, String by) {
        change(fields, at, by);
        this.createdAt = at;
        this.createdBy = by;
    }

    /**
     * The editable fields (validated by {@code ContactPointInput}).
     *
     * @param districtCode code of the district it belongs to
     * @param kind         one of {@link #KINDS}
     * @param name         e.g. {@code Obvodní oddělení Plzeň-Slovany}
     * @param address      postal address or null
     * @param openingHours free text or null
     * @param lon          WGS84 longitude, degrees [-180, 180]
     * @param lat          WGS84 latitude, degrees [-90, 90]
     */
    public record Fields(String districtCode, String kind, String name, String address, String openingHours,
                        double lon, double lat) {
    }

    public void change(Fields f, Instant at, String by) {
        this.districtCode = f.districtCode();
        this.kind = f.kind();
        this.name = f.name();
        this.address = f.address();
        this.openingHours = f.openingHours();
        this.lon = f.lon();
        this.lat = f.lat();
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public Long id() { return id; }
    public String districtCode() { return districtCode; }
    public String kind() { return kind; }
    public String name() { return name; }
    public String address() { return address; }
    public String openingHours() { return openingHours; }
    public double lon() { return lon; }
    public double lat() { return lat; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
