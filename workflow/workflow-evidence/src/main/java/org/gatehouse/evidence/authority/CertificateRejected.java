package org.gatehouse.evidence.authority;

import org.gatehouse.evidence.EvidenceException;

/** A certificate does not chain to the trust anchor for the required purpose and instant. */
public final class CertificateRejected extends EvidenceException {
    private static final long serialVersionUID = 1L;

    public CertificateRejected(String message) {
        super(message);
    }

    CertificateRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
