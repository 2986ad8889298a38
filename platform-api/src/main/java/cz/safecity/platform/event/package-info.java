/**
 * Events shared between modules: past-tense records, always carrying the city, fired with
 * {@code Event.fireAsync} and observed with {@code @ObservesAsync}. Async observers have no HTTP request, so
 * they take the city from the event.
 */
package cz.safecity.platform.event;
