/** JPA entities and value records of the events module (tables prefixed events\_). */
package cz.safecity.events.entity;
