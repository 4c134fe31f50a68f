package org.gatehouse.evidence.certificate;

import org.gatehouse.evidence.EvidenceException;

/** A release certificate that cannot be read as format {@code gatehouse-release-certificate/1} or {@code /2}. */
public final class MalformedCertificate extends EvidenceException {
    private static final long serialVersionUID = 1L;

    MalformedCertificate(String message) {
        super(message);
    }
}
