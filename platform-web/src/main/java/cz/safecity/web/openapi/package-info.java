/**
 * openapi: build-time additions to the generated OpenAPI document ({@code /openapi}), e.g. the errors the platform's
 * edge answers for every operation. Swagger UI at {@code /openapi-ui} shows the document.
 */
package cz.safecity.web.openapi;
