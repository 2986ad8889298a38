package cz.safecity.platform.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A city (tenant) onboarded on the platform. Table {@code platform_tenant}, owned by the platform.
 * The slug is the primary key and never changes.
 */
@Entity
@Table(name = "platform_tenant")
public class Tenant {

    @Id
    private String slug;
    @Column(nullable = false)
    private String name;
    /** IANA zone, default Europe/Prague: meetings and "today" are computed in it. */
    @Column(name = "time_zone", nullable = false)
    private String timeZone = "Europe/Prague";
    /** BCP 47 tag, e.g. {@code cs}. */
    @Column(name = "default_locale", nullable = false)
    private String defaultLocale = "cs";
    /** Comma-separated BCP 47 tags the city publishes in, default locale first. */
    @Column(nullable = false)
    private String locales = "cs";
    /** Czech municipality code (ZÚJ, ČSÚ), e.g. 554791 for Plzeň; null for synthetic cities. */
    @Column(name = "municipality_code")
    private String municipalityCode;
    private Integer population;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    /** {@link #timeZone} and {@link #locales} parsed, when this copy was made from a cached snapshot. */
    private transient ZoneId parsedZone;
    private transient List<Locale> parsedLocales;
    /** Parsed language tags (a handful: the cities' locales); parsing one per request showed in profiles. */
    private static final java.util.concurrent.ConcurrentMap<String, Locale> LOCALES =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** {@link #slug} as an id, made once (checking the slug's shape costs a regular expression). */
    private transient TenantId id;

    protected Tenant() {
    }

    public Tenant(TenantId id, String name, ZoneId zone, List<Locale> locales, String municipalityCode,
                  Integer population, Instant createdAt, String createdBy) {
        this.slug = id.slug();
        this.name = name;
        this.timeZone = zone.getId();
        this.locales = String.join(",", locales.stream().map(Locale::toLanguageTag).toList());
        this.defaultLocale = locales.get(0).toLanguageTag();
        this.municipalityCode = municipalityCode;
        this.population = population;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** A new, unmanaged city with the values of {@code s} (what {@link TenantDirectory} hands out from its cache). */
    Tenant(TenantDirectory.Snapshot s) {
        this.slug = s.slug();
        this.name = s.name();
        this.timeZone = s.timeZone();
        this.defaultLocale = s.defaultLocale();
        this.locales = s.locales();
        this.municipalityCode = s.municipalityCode();
        this.population = s.population();
        this.createdAt = s.createdAt();
        this.createdBy = s.createdBy();
        this.parsedZone = s.zone();
        this.parsedLocales = s.localeList();
    }

    /** Its values as an immutable record (for caching: never cache the entity itself). */
    TenantDirectory.Snapshot snapshot() {
        return new TenantDirectory.Snapshot(slug, name, timeZone, defaultLocale, locales, municipalityCode, population,
                createdAt, createdBy, zone(), locales());
    }

    public TenantId id() {
        TenantId i = id;
        if (i == null || !i.slug().equals(slug)) {
            i = new TenantId(slug);
            id = i;
        }
        return i;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return parsedZone != null ? parsedZone : ZoneId.of(timeZone);
    }

    public Locale defaultLocale() {
        return LOCALES.computeIfAbsent(defaultLocale, Locale::forLanguageTag);
    }

    public List<Locale> locales() {
        return parsedLocales != null ? parsedLocales
                : Arrays.stream(locales.split(",")).map(Locale::forLanguageTag).toList();
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public Integer population() {
        return population;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public void rename(String name) {
        this.name = name;
    }

    public void setPopulation(Integer population) {
        this.population = population;
    }
}
