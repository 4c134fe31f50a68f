package org.gatehouse.workflow.sourceaccess;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A request or decision that breaks a rule of its own (an end in the past, an unknown grantee, …). */
public final class GrantInvalid extends DomainException {
    private static final long serialVersionUID = 1L;

    GrantInvalid(String key, Object... arguments) {
        super(ProblemType.VALIDATION_FAILED, key, arguments);
    }
}
