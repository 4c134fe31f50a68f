package org.gatehouse.findings.manual;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A closed release's manual tests no longer change. */
public final class ReleaseClosedForTesting extends DomainException {
    private static final long serialVersionUID = 1L;

    public ReleaseClosedForTesting(String release) {
        super(ProblemType.CONFLICT, "manual-test.release-closed", release);
    }
}
