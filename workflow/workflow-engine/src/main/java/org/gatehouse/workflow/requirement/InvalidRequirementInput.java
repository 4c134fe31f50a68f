package org.gatehouse.workflow.requirement;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** Input to requirements, the risk assessment or a sign-off that breaks a rule of its own (400). */
public final class InvalidRequirementInput extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidRequirementInput(String key, String... arguments) {
        super(ProblemType.VALIDATION_FAILED, key, (Object[]) arguments);
    }
}
