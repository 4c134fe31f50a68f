package org.gatehouse.scans;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A build record that is not well-formed (400). */
public final class InvalidBuild extends DomainException {
    private static final long serialVersionUID = 1L;

    InvalidBuild(String key, Object... arguments) {
        super(ProblemType.VALIDATION_FAILED, key, arguments);
    }
}
