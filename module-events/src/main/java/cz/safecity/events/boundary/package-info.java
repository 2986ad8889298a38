/** HTTP resources of the events module: thin, validate input, call control, map errors. */
package cz.safecity.events.boundary;
