/**
 * Errors as RFC 9457 problem details. Code anywhere throws {@link cz.safecity.platform.problem.ProblemException};
 * the web module's mappers turn it (and validation, JSON and unexpected errors) into
 * {@code application/problem+json} without stack traces.
 */
package cz.safecity.platform.problem;
