package org.gatehouse.findings.manual;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** No test case with that id. */
public final class TestCaseNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public TestCaseNotFound(String id) {
        super(ProblemType.NOT_FOUND, "manual-test.case-not-found", id);
    }
}
