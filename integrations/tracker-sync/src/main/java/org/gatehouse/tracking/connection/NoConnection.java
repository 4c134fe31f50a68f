package org.gatehouse.tracking.connection;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The project has no tracker connection. */
public final class NoConnection extends DomainException {
    private static final long serialVersionUID = 1L;

    public NoConnection(String project) {
        super(ProblemType.NOT_FOUND, "tracker.no-connection", project);
    }
}
