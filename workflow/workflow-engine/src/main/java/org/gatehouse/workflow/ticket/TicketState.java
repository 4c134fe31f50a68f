package org.gatehouse.workflow.ticket;

import java.util.Optional;

/**
 * Where a ticket stands (issue 6): its security requirements assigned, its design reviewed, implemented,
 * verified by test. The order is the lifecycle's; stored by name.
 */
public enum TicketState {
    REQUIREMENTS_ASSIGNED, DESIGN_REVIEWED, IMPLEMENTED, VERIFIED;

    public static final TicketState INITIAL = REQUIREMENTS_ASSIGNED;

    public Optional<TicketState> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public Optional<TicketState> previous() {
        return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
    }

    /** A state by its name; anything else is refused (400). */
    public static TicketState parse(String text) {
        for (TicketState state : values()) {
            if (state.name().equals(text)) {
                return state;
            }
        }
        throw new InvalidTicketInput("ticket.unknown-state", TicketKey.shortened(text));
    }
}
