package org.gatehouse.workflow.ticket;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The release holds a ticket with that key already (409). */
public final class DuplicateTicket extends DomainException {
    private static final long serialVersionUID = 1L;

    public DuplicateTicket(TicketKey key) {
        super(ProblemType.CONFLICT, "ticket.duplicate", key.value());
    }
}
