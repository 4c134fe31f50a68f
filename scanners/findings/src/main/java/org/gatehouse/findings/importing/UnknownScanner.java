package org.gatehouse.findings.importing;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** No scanner plugin has that id. */
public final class UnknownScanner extends DomainException {
    private static final long serialVersionUID = 1L;

    public UnknownScanner(String id, String known) {
        super(ProblemType.BAD_REQUEST, "import.unknown-scanner", id, known);
    }
}
