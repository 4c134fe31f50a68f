package org.gatehouse.workflow.ticket;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** A ticket as written breaks a rule of its own: key, title, kind, tracker URL, target state (400). */
public final class InvalidTicketInput extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidTicketInput(String key, Object... arguments) {
        super(ProblemType.VALIDATION_FAILED, key, arguments);
    }
}
