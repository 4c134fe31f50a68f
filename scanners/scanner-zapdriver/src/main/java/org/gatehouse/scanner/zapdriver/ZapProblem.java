package org.gatehouse.scanner.zapdriver;

/** Why ZAP could not be used; the first three are transient and retried during a scan. */
public enum ZapProblem {
    REFUSED,
    TIMEOUT,
    IO,
    WRONG_API_KEY,
    NOT_ZAP,
    ZAP_ERROR,
    STOPPED_ANSWERING,
    REPORT_UNUSABLE;

    boolean transientFailure() {
        return this == REFUSED || this == TIMEOUT || this == IO;
    }
}
