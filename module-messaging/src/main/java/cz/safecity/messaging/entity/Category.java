package cz.safecity.messaging.entity;

import cz.safecity.platform.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A category citizens choose from (table {@code messaging_category}); Open311 {@code service_code} = {@link #code}. */
@Entity
@Table(name = "messaging_category")
public class Category extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, length = 40)
    public String code;
    @Column(name = "name_cs", nullable = false, length = 200)
    public String nameCs;
    @Column(name = "name_en", nullable = false, length = 200)
    public String nameEn;
    @Column(nullable = false)
    public boolean active = true;
    @Column(nullable = false)
    public int position;

    /** The name in {@code locale} ({@code cs} or else English). */
    public String name(String locale) {
        return "cs".equals(locale) ? nameCs : nameEn;
    }
}
