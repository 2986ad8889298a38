package cz.safecity.platform.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JAX-RS resource class as belonging to a module. For city-scoped paths the edge answers 404 when
 * the module is disabled for that city.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ModuleEndpoint {
    /** The {@link CityModule#id()}. */
    String value();
}
