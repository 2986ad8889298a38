/**
 * The WAR: the HTTP edge of the platform. {@link cz.safecity.web.SafeCityApplication} serves every module's
 * resources under {@code /api}; the edge filter finds the city, checks module enablement and roles; mappers
 * turn every error into an RFC 9457 problem; a startup singleton runs all modules' migrations.
 */
package cz.safecity.web;
