package org.gatehouse.identity.secondfactor;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The password was right, and the account has a second factor: the login must send a code. */
public final class SecondFactorRequired extends DomainException {
    private static final long serialVersionUID = 1L;

    public SecondFactorRequired() {
        super(ProblemType.SECOND_FACTOR_REQUIRED, "second-factor.required");
    }
}
