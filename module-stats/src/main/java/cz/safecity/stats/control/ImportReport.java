package cz.safecity.stats.control;

import java.util.List;

/**
 * What an import did (the answer of {@code POST …/crime-records}, and the finished state of its job). Every data
 * row is counted once: {@code imported + duplicates + rejected}; {@code unlocated} are those of {@code imported}
 * that have no coordinates or lie outside every district in force at their date (kept, counted, never dropped).
 *
 * @param rejected      bad rows by line number (the line a record starts on; the header is line 1) and reason; at
 *                      most {@link #MAX_LISTED} are listed
 * @param rejectedTotal all rejected rows, only present when more than {@link #MAX_LISTED} were rejected
 */
public record ImportReport(long imported, long duplicates, long unlocated, List<Rejected> rejected,
                           Long rejectedTotal) {

    /** Most rejected rows listed in a report. */
    public static final int MAX_LISTED = 1000;

    /** One rejected row. */
    public record Rejected(long line, String reason) {
    }
}
