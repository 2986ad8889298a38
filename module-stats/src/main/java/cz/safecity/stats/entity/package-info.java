/** JPA entities and value records of the stats module (tables prefixed stats\_). */
package cz.safecity.stats.entity;
