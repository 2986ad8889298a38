/**
 * The audit trail every module writes to: who (person id, display name, role) did what to which object, when.
 * Table {@code platform_audit}, tenant-owned.
 */
package cz.safecity.platform.audit;
