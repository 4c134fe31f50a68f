package org.gatehouse.workflow.requirement;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The release has no (active) requirement with that key. */
public final class RequirementNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public RequirementNotFound(String key) {
        super(ProblemType.NOT_FOUND, "requirement.not-found", key.length() > 60 ? key.substring(0, 60) + "…" : key);
    }
}
