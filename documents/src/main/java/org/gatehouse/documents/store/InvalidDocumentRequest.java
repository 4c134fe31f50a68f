package org.gatehouse.documents.store;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** An unknown document kind, language or classification, or a missing change note. */
public final class InvalidDocumentRequest extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidDocumentRequest(String key, Object... arguments) {
        super(ProblemType.VALIDATION_FAILED, key, arguments);
    }
}
