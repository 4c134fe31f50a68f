package org.gatehouse.tracking.connection;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A tracker connection that cannot be saved as entered; the detail says which part. */
public final class InvalidConnection extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidConnection(String key, Object... arguments) {
        super(ProblemType.VALIDATION_FAILED, key, arguments);
    }
}
