package org.gatehouse.workflow.sourceaccess;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The grant is not in a state that allows this step (decided already, not approved, past its end). */
public final class GrantNotDecidable extends DomainException {
    private static final long serialVersionUID = 1L;

    GrantNotDecidable(String key, Object... arguments) {
        super(ProblemType.INVALID_TRANSITION, key, arguments);
    }
}
