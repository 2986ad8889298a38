/** Logic and stores of the messaging module. */
package cz.safecity.messaging.control;
