package org.gatehouse.workflow.environment;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A production environment would share a network zone with a development or test one (C.2, 8.5.2). */
public final class EnvironmentsNotSeparated extends DomainException {
    private static final long serialVersionUID = 1L;

    EnvironmentsNotSeparated(String name, EnvironmentKind kind, String other, EnvironmentKind otherKind, String zone) {
        super(ProblemType.CONFLICT, "environment.not-separated", name, kind.name(), other, otherKind.name(), zone);
    }
}
