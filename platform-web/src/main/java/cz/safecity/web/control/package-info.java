/**
 * The edge machinery: {@link cz.safecity.web.control.CityRequestFilter} (tenant, module, roles — the one place
 * where tenancy and access are enforced), problem mappers, the startup migrator and city onboarding with its
 * Keycloak provisioning.
 */
package cz.safecity.web.control;
