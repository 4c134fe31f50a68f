package org.gatehouse.workflow.environment;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** No environment or device of the project has that id. */
public final class RegisterEntryNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    RegisterEntryNotFound(String what, String id) {
        super(ProblemType.NOT_FOUND, what + ".not-found", id);
    }
}
