package org.gatehouse.platform.paging;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A page cursor that was not issued by Gatehouse, was altered, or belongs to another listing. */
public final class InvalidCursor extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidCursor() {
        super(ProblemType.INVALID_CURSOR, "cursor.invalid");
    }
}
