package org.gatehouse.workflow.release;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** No release has that id. */
public final class ReleaseNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public ReleaseNotFound(String id) {
        super(ProblemType.NOT_FOUND, "release.not-found", id);
    }
}
