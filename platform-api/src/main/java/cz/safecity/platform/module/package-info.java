/**
 * The module SPI. A module is described by one {@link cz.safecity.platform.module.CityModule} implementation
 * (its manifest: id, actions, settings, indicators, migrations, lifecycle hooks), discovered through CDI and
 * enabled per city in table {@code platform_tenant_module}. Resources of a module carry
 * {@link cz.safecity.platform.module.ModuleEndpoint}, so the edge answers 404 where the module is disabled.
 */
package cz.safecity.platform.module;
