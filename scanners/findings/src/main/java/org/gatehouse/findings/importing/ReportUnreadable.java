package org.gatehouse.findings.importing;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The import ended without a trace because its plugin could not read the report. */
public final class ReportUnreadable extends DomainException {
    private static final long serialVersionUID = 1L;

    public ReportUnreadable(ImportStatus status) {
        super(ProblemType.REPORT_UNREADABLE, "import.report-unreadable", status.scanner(),
                status.errorDetail().orElse(""), status.id().toString());
    }
}
