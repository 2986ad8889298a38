/** JPA entities and value records of the messaging module (tables prefixed messaging\_). */
package cz.safecity.messaging.entity;
