/**
 * The tenant model: a city ({@link cz.safecity.platform.tenant.Tenant}) and the request-scoped
 * {@link cz.safecity.platform.tenant.TenantContext} that carries it from the HTTP edge to persistence.
 * Tenant-owned entities extend {@link cz.safecity.platform.tenant.TenantOwned}; the tenant is bound to the
 * entity manager in one place, {@link cz.safecity.platform.tenant.TenantContext#bind}.
 */
package cz.safecity.platform.tenant;
