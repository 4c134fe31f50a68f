package org.gatehouse.findings.manual;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The release already has a case with that key. */
public final class DuplicateCaseKey extends DomainException {
    private static final long serialVersionUID = 1L;

    public DuplicateCaseKey(String key) {
        super(ProblemType.CONFLICT, "manual-test.duplicate-key", key);
    }
}
