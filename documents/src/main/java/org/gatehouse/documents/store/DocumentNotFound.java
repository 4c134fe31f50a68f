package org.gatehouse.documents.store;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** No document with that id (or the id is malformed). */
public final class DocumentNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public DocumentNotFound(String id) {
        super(ProblemType.NOT_FOUND, "document.not-found", id.length() > 60 ? id.substring(0, 60) + "…" : id);
    }
}
