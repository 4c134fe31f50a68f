package org.gatehouse.workflow.definition;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A definition version that cannot be published as asked (bad id, no change note, unknown gates, another level). */
public final class InvalidPublication extends DomainException {
    private static final long serialVersionUID = 1L;

    InvalidPublication(String key, Object... arguments) {
        super(key.equals("definition.concurrent") ? ProblemType.CONFLICT : ProblemType.VALIDATION_FAILED, key, arguments);
    }
}
