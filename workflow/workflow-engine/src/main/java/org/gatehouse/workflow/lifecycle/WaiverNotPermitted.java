package org.gatehouse.workflow.lifecycle;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** Only a security administrator may waive a gate (B.1.3.1-ii). */
public final class WaiverNotPermitted extends DomainException {
    private static final long serialVersionUID = 1L;

    public WaiverNotPermitted(Participant by, GateId gate) {
        super(ProblemType.FORBIDDEN, "lifecycle.waiver-not-permitted", by.name(), gate.value());
    }
}
