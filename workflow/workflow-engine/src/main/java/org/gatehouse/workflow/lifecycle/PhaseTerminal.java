package org.gatehouse.workflow.lifecycle;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The release is in a terminal phase (released or cancelled); nothing leaves it. */
public final class PhaseTerminal extends DomainException {
    private static final long serialVersionUID = 1L;

    public PhaseTerminal(Phase phase) {
        super(ProblemType.INVALID_TRANSITION, "lifecycle.phase-terminal", phase.name());
    }
}
