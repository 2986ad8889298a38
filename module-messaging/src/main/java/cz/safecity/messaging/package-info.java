/**
 * The messaging module: citizens' matters to their district's working group or the police leadership, answered by
 * named people and escalated up the city's ladder; e-mail through the platform outbox; Open311 GeoReport v2. Its
 * manifest is {@link cz.safecity.messaging.MessagingModule}; it depends on platform-api only.
 */
package cz.safecity.messaging;
