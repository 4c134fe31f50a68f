package org.gatehouse.workflow.ticket;

import java.util.Locale;

/** What a ticket of the tracker is; stored by name. */
public enum TicketKind {
    FEATURE, STORY, BUG;

    /** {@code feature}, {@code STORY}, … ; anything else is refused (400). */
    public static TicketKind parse(String text) {
        try {
            return valueOf(String.valueOf(text).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidTicketInput("ticket.unknown-kind", TicketKey.shortened(text));
        }
    }
}
