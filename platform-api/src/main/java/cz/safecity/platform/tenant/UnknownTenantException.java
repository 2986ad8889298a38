package cz.safecity.platform.tenant;

import cz.safecity.platform.problem.ProblemException;

/** No city with that slug: answered as 404. */
public class UnknownTenantException extends ProblemException {
    public UnknownTenantException(String slug) {
        super(404, "unknown-city", "Unknown city", "No city '" + slug + "' is onboarded on this platform.", "city");
    }
}
