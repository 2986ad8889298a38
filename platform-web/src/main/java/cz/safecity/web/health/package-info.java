/** MicroProfile Health checks: readiness needs the database and Keycloak's JWKS. */
package cz.safecity.web.health;
