/** HTTP resources of the stats module: thin, validate input, call control, map errors. */
package cz.safecity.stats.boundary;
