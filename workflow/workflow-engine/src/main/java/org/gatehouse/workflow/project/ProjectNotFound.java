package org.gatehouse.workflow.project;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** No project has that key. */
public final class ProjectNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public ProjectNotFound(String key) {
        super(ProblemType.NOT_FOUND, "project.not-found", key);
    }
}
