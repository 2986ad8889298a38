/**
 * Time for business rules (deadlines, retention, survey windows): {@link cz.safecity.platform.time.PlatformClock}
 * gives "now" per city, so that tests move one test city's time forward instead of sleeping.
 */
package cz.safecity.platform.time;
