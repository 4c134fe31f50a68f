package org.gatehouse.workflow.sourceaccess;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The project has no source-access grant with that id. */
public final class GrantNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    GrantNotFound(String id) {
        super(ProblemType.NOT_FOUND, "source-access.not-found", id);
    }
}
