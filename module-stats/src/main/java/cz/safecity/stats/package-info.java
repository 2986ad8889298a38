/** The stats module: crime statistics and feeling-of-safety surveys per district and across cities (skeleton; filled by a later issue). Its manifest is {@link cz.safecity.stats.StatsModule}; it depends on platform-api only. */
package cz.safecity.stats;
