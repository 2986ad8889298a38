/**
 * Small contracts between modules. A module never imports another module: what it needs from one (locate a point,
 * a district's working group, crime figures for a period, a risk place reported by a survey) is an interface here
 * that the owning module implements as an {@code @ApplicationScoped} bean. Callers find it with CDI
 * {@code Instance<…>}; when the owning module is absent ({@code isUnsatisfied()}) or disabled for the city
 * ({@code ModuleRegistry.isEnabled}), the caller answers a clear problem instead of crashing.
 *
 * <p>Every method takes the city explicitly and works with or without an HTTP request (async observers, jobs).
 */
package cz.safecity.platform.contract;
