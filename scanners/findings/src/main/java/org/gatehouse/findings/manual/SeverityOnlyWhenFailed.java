package org.gatehouse.findings.manual;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A severity was given with a result other than FAILED. */
public final class SeverityOnlyWhenFailed extends DomainException {
    private static final long serialVersionUID = 1L;

    public SeverityOnlyWhenFailed() {
        super(ProblemType.VALIDATION_FAILED, "manual-test.severity-only-when-failed");
    }
}
