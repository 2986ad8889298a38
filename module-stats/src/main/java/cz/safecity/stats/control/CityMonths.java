package cz.safecity.stats.control;

import java.util.ArrayList;
import java.util.List;

/** Columns of the city × month rollup {@code stats_crime_city_month}: totals, then one per platform category. */
final class CityMonths {

    /** Every count column, in insert order: offences, cleared, not_cleared, c_&lt;category&gt;…. */
    static final List<String> COLUMNS;

    static {
        List<String> c = new ArrayList<>(List.of("offences", "cleared", "not_cleared"));
        CodeLists.CATEGORIES.forEach(x -> c.add(column(x)));
        COLUMNS = List.copyOf(c);
    }

    private CityMonths() {
    }

    /** {@code public-order} → {@code c_public_order}. */
    static String column(String category) {
        return "c_" + category.replace('-', '_');
    }
}
