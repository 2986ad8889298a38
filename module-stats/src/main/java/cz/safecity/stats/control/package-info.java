/** Logic and stores of the stats module. */
package cz.safecity.stats.control;
