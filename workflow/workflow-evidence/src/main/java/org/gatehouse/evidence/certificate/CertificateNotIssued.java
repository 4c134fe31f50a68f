package org.gatehouse.evidence.certificate;

import org.gatehouse.evidence.EvidenceException;

/** A release certificate was not issued because it would not verify (for instance a decision's signature). */
public final class CertificateNotIssued extends EvidenceException {
    private static final long serialVersionUID = 1L;
    private final transient VerificationReport report;

    CertificateNotIssued(VerificationReport report) {
        super("the release certificate would not verify:\n" + report.render());
        this.report = report;
    }

    public VerificationReport report() {
        return report;
    }
}
