/**
 * HTTP resources of the platform itself: cities (onboarding), per-city module enablement, the audit trail,
 * and {@code /api/ping}. Thin: validate, call control, return records.
 */
package cz.safecity.web.boundary;
