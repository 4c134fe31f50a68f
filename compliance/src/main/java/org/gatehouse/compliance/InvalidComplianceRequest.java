package org.gatehouse.compliance;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** An unknown report language or format. */
public final class InvalidComplianceRequest extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidComplianceRequest(String key, Object... arguments) {
        super(ProblemType.VALIDATION_FAILED, key, arguments);
    }
}
