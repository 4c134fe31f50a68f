package org.gatehouse.evidence.timestamp;

import org.gatehouse.evidence.EvidenceException;

/** No valid time-stamp could be obtained: the TSA refused, did not answer, or answered wrongly. */
public final class TimeStampFailed extends EvidenceException {
    private static final long serialVersionUID = 1L;

    TimeStampFailed(String message) {
        super(message);
    }

    TimeStampFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
