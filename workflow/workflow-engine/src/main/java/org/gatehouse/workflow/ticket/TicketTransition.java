package org.gatehouse.workflow.ticket;

import java.time.Instant;
import java.util.List;
import org.gatehouse.workflow.lifecycle.Participant;

/** One move of a ticket as recorded (append-only): the version it produced, who, when, on which requirements. */
public record TicketTransition(TicketKey ticket, long version, TicketState from, TicketState to, Participant by,
        Instant at, List<String> requirements) {
    public TicketTransition {
        requirements = List.copyOf(requirements);
    }
}
