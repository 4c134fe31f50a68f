package org.gatehouse.workflow.sourceaccess;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The requester or the grantee tried to decide on their own source access (C.4, four eyes). */
public final class SelfApprovalRefused extends DomainException {
    private static final long serialVersionUID = 1L;

    SelfApprovalRefused(String id) {
        super(ProblemType.FORBIDDEN, "source-access.self-approval", id);
    }
}
