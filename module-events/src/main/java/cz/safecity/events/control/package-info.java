/**
 * Logic and stores of the events module: recurrence ({@code Cadence}, {@code Occurrences}), iCalendar output
 * ({@code CalendarFeeds}), the tenant-bound stores (bodies, meetings, measures, public meetings, plans, projects),
 * the escalated-matter observer, indicators, offboarding and the registrant-erasure job.
 */
package cz.safecity.events.control;
