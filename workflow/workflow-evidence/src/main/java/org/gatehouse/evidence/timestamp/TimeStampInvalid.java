package org.gatehouse.evidence.timestamp;

import org.gatehouse.evidence.EvidenceException;

/** A time-stamp token does not verify; the message says which check failed. */
public final class TimeStampInvalid extends EvidenceException {
    private static final long serialVersionUID = 1L;

    TimeStampInvalid(String message) {
        super(message);
    }

    TimeStampInvalid(String message, Throwable cause) {
        super(message, cause);
    }
}
