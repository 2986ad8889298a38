// Swagger UI over the deployed OpenAPI document (/openapi). A token from Keycloak realm "safecity" goes into
// "Authorize" as a bearer token. Kept out of index.html so that the page's Content-Security-Policy needs no inline
// script.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  });
};
