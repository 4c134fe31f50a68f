package org.gatehouse.workflow.release;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The project already has a release with that version string. */
public final class DuplicateReleaseVersion extends DomainException {
    private static final long serialVersionUID = 1L;

    public DuplicateReleaseVersion(String project, String version) {
        super(ProblemType.CONFLICT, "release.duplicate-version", project, version);
    }
}
