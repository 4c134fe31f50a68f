package org.gatehouse.evidence.keys;

import org.gatehouse.evidence.EvidenceException;

/** A sealed envelope did not open; {@link #reason()} says why (never which plaintext byte). */
public final class UnsealFailed extends EvidenceException {
    private static final long serialVersionUID = 1L;

    /** Why an envelope did not open. */
    public enum Reason {
        /** Too short, or its header is not one this component writes. */
        MALFORMED,
        /** A format version this code does not know. */
        UNSUPPORTED_VERSION,
        /** No key with the envelope's key id is configured. */
        UNKNOWN_KEY,
        /** The authentication tag does not match: wrong key, altered bytes or another context. */
        AUTHENTICATION_FAILED
    }

    private final Reason reason;

    UnsealFailed(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
