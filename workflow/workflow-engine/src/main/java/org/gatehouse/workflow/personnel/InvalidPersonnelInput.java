package org.gatehouse.workflow.personnel;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A register entry as written breaks a rule of its own: dates, lengths, digest, kind (400). */
public final class InvalidPersonnelInput extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidPersonnelInput(String key, Object... arguments) {
        super(ProblemType.VALIDATION_FAILED, key, arguments);
    }
}
