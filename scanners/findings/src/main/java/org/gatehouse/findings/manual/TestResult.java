package org.gatehouse.findings.manual;

/** The outcome of one execution of a manual test case. */
public enum TestResult {
    PASSED, FAILED, BLOCKED, NOT_APPLICABLE;

    /** Counts as done for the gate: passed, or not applicable to this release. */
    public boolean settles() {
        return this == PASSED || this == NOT_APPLICABLE;
    }
}
