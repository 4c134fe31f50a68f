package org.gatehouse.evidence.signature;

import org.gatehouse.evidence.EvidenceException;

/** A signed statement does not verify; the message says which check failed. */
public final class SignatureInvalid extends EvidenceException {
    private static final long serialVersionUID = 1L;

    SignatureInvalid(String message) {
        super(message);
    }

    SignatureInvalid(String message, Throwable cause) {
        super(message, cause);
    }
}
