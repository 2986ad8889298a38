/**
 * Serving the browser portal under {@code /portal/}: deep links ({@code /portal/praha/districts/1-5}) answer the
 * single-page app's {@code index.html}, every portal answer carries a Content-Security-Policy, and
 * {@code /portal/config.json} tells the page its configurable outside addresses (base-map tiles, geocoder,
 * Keycloak). The portal itself is static files in {@code webapp/portal/} that use only the public HTTP API.
 */
package cz.safecity.web.portal;
