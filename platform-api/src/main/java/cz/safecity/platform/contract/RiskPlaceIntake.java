package cz.safecity.platform.contract;

import cz.safecity.platform.tenant.TenantId;

/**
 * Lets another module report a risk place (e.g. one a citizen marked in a feeling-of-safety survey); implemented by
 * the districts module, which stores it as one of its risk places with that source.
 */
public interface RiskPlaceIntake {

    /**
     * Records a risk place at a WGS84 point.
     *
     * @param source      who reported it, e.g. {@code survey}
     * @param description the citizen's text as typed (stored raw)
     * @param actor       person id or a marker such as {@code survey:<id>} (audit)
     * @return the new risk place's id
     * @throws cz.safecity.platform.problem.ProblemException 422 when the point is outside the city's districts
     */
    long report(TenantId city, double lat, double lon, String description, String source, String actor);
}
