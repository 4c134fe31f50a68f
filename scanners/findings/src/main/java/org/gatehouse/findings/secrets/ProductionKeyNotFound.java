package org.gatehouse.findings.secrets;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The project has no registered production key with that id. */
public final class ProductionKeyNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    ProductionKeyNotFound(String id) {
        super(ProblemType.NOT_FOUND, "production-key.not-found", id);
    }
}
