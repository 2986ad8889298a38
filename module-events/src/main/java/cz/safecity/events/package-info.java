/** The events module: working-group meetings on a cadence, public meetings and evaluation of measures (skeleton; filled by a later issue). Its manifest is {@link cz.safecity.events.EventsModule}; it depends on platform-api only. */
package cz.safecity.events;
