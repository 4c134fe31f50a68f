package org.gatehouse.workflow.project;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A project with that key exists already. */
public final class DuplicateProjectKey extends DomainException {
    private static final long serialVersionUID = 1L;

    public DuplicateProjectKey(String key) {
        super(ProblemType.CONFLICT, "project.duplicate-key", key);
    }
}
