/**
 * The events module: bodies and their meeting cadences (RFC 5545 series with ical4j, iCalendar feeds), agendas,
 * attendance, minutes and decisions, measures with effectiveness reviews, public meetings with atomic registration,
 * public-order plans for cultural and sports events, prevention projects. Its manifest is
 * {@link cz.safecity.events.EventsModule}; it depends on platform-api only.
 */
package cz.safecity.events;
