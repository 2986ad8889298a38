/**
 * Running safely on several Payara instances that share one PostgreSQL: scheduled work that must happen once
 * across the group ({@link cz.safecity.platform.cluster.ClusterJobs}). The platform keeps no state that only
 * one instance knows: immutable data is cached under ids versioned in the database, and read-mostly data is cached
 * for a short, configured time ({@link cz.safecity.platform.cache.ReadCaches}), so another instance's write is seen
 * within that time.
 */
package cz.safecity.platform.cluster;
