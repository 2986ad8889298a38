/**
 * entity: the districts module's JPA entities (tables {@code districts_*}, all tenant-owned through
 * {@link cz.safecity.platform.tenant.TenantOwned}) and the value records its API answers with. Geometry is held as
 * OGC WKB in WGS84 lon/lat degrees ({@link cz.safecity.districts.entity.Wkb}); JTS does the geometry in memory.
 */
package cz.safecity.districts.entity;
