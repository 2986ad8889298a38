package cz.safecity.platform.module;

import java.util.Set;

/**
 * Something a module lets people do, e.g. {@code district.import-boundaries}.
 *
 * @param name  dotted action name, unique within the module
 * @param roles roles (see {@link cz.safecity.platform.security.Roles}) that may perform it; empty = public
 */
public record Action(String name, Set<String> roles) {
}
