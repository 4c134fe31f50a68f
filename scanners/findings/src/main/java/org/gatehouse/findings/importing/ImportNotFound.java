package org.gatehouse.findings.importing;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** No import with that id. */
public final class ImportNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public ImportNotFound(String id) {
        super(ProblemType.NOT_FOUND, "import.not-found", id);
    }
}
