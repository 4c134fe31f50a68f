package org.gatehouse.workflow.ticket;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The person who implemented a ticket cannot also verify it (separation of duties, 403). */
public final class SelfVerification extends DomainException {
    private static final long serialVersionUID = 1L;

    SelfVerification(TicketKey key) {
        super(ProblemType.FORBIDDEN, "ticket.self-verification", key.value());
    }
}
