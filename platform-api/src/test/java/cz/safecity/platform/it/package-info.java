/**
 * Arquillian micro-deployment tests of platform-api inside the running Payara (run under {@code -Psystem}):
 * tenant isolation of {@link cz.safecity.platform.tenant.TenantOwned} entities on the real data source.
 */
package cz.safecity.platform.it;
