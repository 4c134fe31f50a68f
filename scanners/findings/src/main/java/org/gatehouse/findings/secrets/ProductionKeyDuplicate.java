package org.gatehouse.findings.secrets;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The key or secret is registered for the project already (under the label given). */
public final class ProductionKeyDuplicate extends DomainException {
    private static final long serialVersionUID = 1L;

    ProductionKeyDuplicate(String label) {
        super(ProblemType.CONFLICT, "production-key.duplicate", label);
    }
}
