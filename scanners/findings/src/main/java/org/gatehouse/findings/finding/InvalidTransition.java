package org.gatehouse.findings.finding;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A triage decision that the finding's current state does not allow. */
public final class InvalidTransition extends DomainException {
    private static final long serialVersionUID = 1L;

    InvalidTransition(String key, Object... arguments) {
        super(ProblemType.INVALID_TRANSITION, key, arguments);
    }
}
