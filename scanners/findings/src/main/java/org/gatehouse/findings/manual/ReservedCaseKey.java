package org.gatehouse.findings.manual;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A hand-written case used the checklist's key prefix. */
public final class ReservedCaseKey extends DomainException {
    private static final long serialVersionUID = 1L;

    public ReservedCaseKey() {
        super(ProblemType.VALIDATION_FAILED, "manual-test.reserved-key", SecurityFunctionChecklist.KEY_PREFIX);
    }
}
