package org.gatehouse.findings.manual;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The release holds the most test cases it may. */
public final class TooManyCases extends DomainException {
    private static final long serialVersionUID = 1L;

    public TooManyCases(int max) {
        super(ProblemType.CONFLICT, "manual-test.too-many-cases", max);
    }
}
