package org.gatehouse.findings.importing;

/**
 * What an import did: results read from the report, distinct findings they collapse into, and how
 * those compare with the previous import of the same scope.
 */
public record ImportCounts(long resultsRead, int findingsSeen, int created, int unchanged, int closed, int reopened,
        int verified) {

    /** One line for the audit trail and logs. */
    public String summary() {
        return "results " + resultsRead + ", findings " + findingsSeen + ", created " + created + ", unchanged "
                + unchanged + ", closed " + closed + ", reopened " + reopened + ", verified " + verified;
    }
}
