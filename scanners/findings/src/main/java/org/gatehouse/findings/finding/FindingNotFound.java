package org.gatehouse.findings.finding;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** No finding with that id. */
public final class FindingNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public FindingNotFound(String id) {
        super(ProblemType.NOT_FOUND, "finding.not-found", id);
    }
}
