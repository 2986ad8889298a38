/**
 * Running safely on several Payara instances that share one PostgreSQL: scheduled work that must happen once
 * across the group ({@link cz.safecity.platform.cluster.ClusterJobs}). The platform keeps no state that only
 * one instance knows; what would be a local cache is versioned in the database instead.
 */
package cz.safecity.platform.cluster;
