package org.gatehouse.web.security;

import org.gatehouse.identity.token.SignatureCheck;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A request with a signing token whose signature does not hold (401 {@code signature-rejected}; ADR 0012). */
public final class SignatureRejected extends DomainException {
    private static final long serialVersionUID = 1L;
    private final SignatureCheck.Verdict verdict;

    public SignatureRejected(SignatureCheck.Verdict verdict) {
        super(ProblemType.SIGNATURE_REJECTED, "signature." + verdict.id());
        this.verdict = verdict;
    }

    public SignatureCheck.Verdict verdict() {
        return verdict;
    }
}
