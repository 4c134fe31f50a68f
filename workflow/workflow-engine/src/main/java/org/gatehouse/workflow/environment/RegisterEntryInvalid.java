package org.gatehouse.workflow.environment;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** An environment or device entry that breaks a rule of its own (a missing responsible person, a bad date, …). */
public final class RegisterEntryInvalid extends DomainException {
    private static final long serialVersionUID = 1L;

    RegisterEntryInvalid(String key, Object... arguments) {
        super(ProblemType.VALIDATION_FAILED, key, arguments);
    }
}
