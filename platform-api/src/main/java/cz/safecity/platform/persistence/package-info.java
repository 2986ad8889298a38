/**
 * Persistence helpers shared by the platform's and the modules' persistence units. A unit that maps
 * {@link java.time.Instant} fields lists {@link cz.safecity.platform.persistence.InstantConverter} as a
 * {@code <class>} (EclipseLink 4.0 in Payara 6 has no native {@code Instant} mapping).
 */
package cz.safecity.platform.persistence;
