package org.gatehouse.workflow.ticket;

import java.util.List;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.workflow.lifecycle.Reason;

/**
 * A ticket cannot make this move (409 {@code invalid-transition}): the lifecycle has no such step from
 * its state, or its guards hold it; {@link #reasons()} lists every reason.
 */
public final class TicketMoveRefused extends DomainException {
    private static final long serialVersionUID = 1L;

    private final transient List<Reason> reasons;

    TicketMoveRefused(TicketKey key, TicketState from, TicketState to, List<Reason> reasons) {
        super(ProblemType.INVALID_TRANSITION, reasons.isEmpty() ? "ticket.no-such-move" : "ticket.move-held",
                key.value(), from.name(), to.name(), Integer.toString(reasons.size()));
        this.reasons = List.copyOf(reasons);
    }

    public List<Reason> reasons() {
        return reasons;
    }
}
