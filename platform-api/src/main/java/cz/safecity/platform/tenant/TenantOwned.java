package cz.safecity.platform.tenant;

import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * Superclass of every tenant-owned entity. EclipseLink adds {@code tenant_id = :current} to every query and
 * fills the column on insert from the entity manager property that {@link TenantContext#bind} sets; no
 * repository filters by tenant by hand. Tables of subclasses need a {@code tenant_id varchar(40) not null}
 * column. With {@code eclipselink.multitenant.tenants-share-cache=false} (the default) tenants never share
 * cached objects.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT,
        length = 40)
public abstract class TenantOwned {
}
