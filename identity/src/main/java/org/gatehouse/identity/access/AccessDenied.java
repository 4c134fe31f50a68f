package org.gatehouse.identity.access;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The actor lacks the permission; audited as DENIED where it is raised. */
public final class AccessDenied extends DomainException {
    private static final long serialVersionUID = 1L;

    public AccessDenied(Permission permission) {
        super(ProblemType.FORBIDDEN, "access.denied", permission.name());
    }
}
