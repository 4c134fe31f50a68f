package org.gatehouse.findings.manual;

import java.util.UUID;

/** What an execution did to the finding of its case. */
public record FindingChange(UUID finding, Kind kind, String state) {

    public enum Kind {
        /** A failure filed a new finding. */
        FILED,
        /** A failure reopened a fixed or verified finding. */
        REOPENED,
        /** A pass verified a claimed fix (re-test, B.1.3.1-ih). */
        VERIFIED,
        /** The finding stays as it was (still open, or dismissed by a four-eyes decision). */
        UNCHANGED
    }
}
