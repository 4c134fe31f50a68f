package org.gatehouse.workflow.ticket;

/** A move a ticket's lifecycle permits from its state: one step forward, one step back, or reopened from VERIFIED. */
public record TicketMove(Kind kind, TicketState from, TicketState to) {

    /** How a move goes. */
    public enum Kind {
        FORWARD, BACK, REOPEN
    }
}
