/** The messaging module: two-way communication between citizens and working groups, and the escalation ladder (skeleton; filled by a later issue). Its manifest is {@link cz.safecity.messaging.MessagingModule}; it depends on platform-api only. */
package cz.safecity.messaging;
