/**
 * Who is calling: role names ({@link cz.safecity.platform.security.Roles}) and the
 * {@link cz.safecity.platform.security.Caller} read from the MicroProfile JWT that Keycloak issued. City roles
 * come from the token's {@code city_groups} claim (Keycloak group paths {@code /<city>/<role>}); platform roles
 * from its {@code groups} claim (realm roles).
 */
package cz.safecity.platform.security;
