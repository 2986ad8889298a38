/** HTTP resources of the messaging module: thin, validate input, call control, map errors. */
package cz.safecity.messaging.boundary;
