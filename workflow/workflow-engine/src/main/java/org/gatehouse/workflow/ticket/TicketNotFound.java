package org.gatehouse.workflow.ticket;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The release has no ticket with that key (404). */
public final class TicketNotFound extends DomainException {
    private static final long serialVersionUID = 1L;

    public TicketNotFound(String key) {
        super(ProblemType.NOT_FOUND, "ticket.not-found", TicketKey.shortened(key));
    }
}
