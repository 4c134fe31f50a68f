package org.gatehouse.evidence;

/**
 * Base of the component's typed failures (a wrong key, a tampered envelope, an invalid signature or
 * time-stamp). Unchecked; the caller that wires the component into the web layer maps them once.
 */
public abstract class EvidenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected EvidenceException(String message) {
        super(message);
    }

    protected EvidenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
