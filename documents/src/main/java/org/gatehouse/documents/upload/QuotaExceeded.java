package org.gatehouse.documents.upload;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** An upload that would take the project's documents past their storage quota (7.8.6-ej): nothing is stored. */
public final class QuotaExceeded extends DomainException {
    private static final long serialVersionUID = 1L;

    QuotaExceeded(String project, long used, long size, long quota) {
        super(ProblemType.PAYLOAD_TOO_LARGE, "document.quota-exceeded", project, used, size, quota);
    }
}
