package org.gatehouse.workflow.ticket;

import java.util.List;

/**
 * What a ticket's guards look at, read by the boundary: the keys of the active security requirements
 * naming the ticket, and those of them that no passed test verifies yet ({@link TicketEvidence}).
 */
public record TicketFacts(List<String> requirements, List<String> unverified) {
    public TicketFacts {
        requirements = List.copyOf(requirements);
        unverified = List.copyOf(unverified);
    }
}
