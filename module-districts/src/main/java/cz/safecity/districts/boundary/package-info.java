/**
 * boundary: the HTTP resources of the districts module ({@code /api/cities/{city}/districts…}, {@code …/levels},
 * {@code …/boroughs}, {@code …/outline}, {@code …/boundaries}, and the regional {@code /api/locate}). Thin: they
 * parse and validate query parameters, declare roles, call control and return records or problems.
 */
package cz.safecity.districts.boundary;
