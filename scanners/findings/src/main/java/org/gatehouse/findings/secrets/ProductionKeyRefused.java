package org.gatehouse.findings.secrets;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A registration the register refuses: unreadable PEM, a private key, a short secret, both or neither given. */
public final class ProductionKeyRefused extends DomainException {
    private static final long serialVersionUID = 1L;

    ProductionKeyRefused(String key, Object... arguments) {
        super(ProblemType.VALIDATION_FAILED, key, arguments);
    }
}
