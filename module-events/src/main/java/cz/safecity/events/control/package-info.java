/** Logic and stores of the events module. */
package cz.safecity.events.control;
