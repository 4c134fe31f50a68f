package org.gatehouse.workflow.ticket;

import java.util.regex.Pattern;

/** The external tracker's key of a ticket, e.g. {@code SHOP-123}: the same form requirements use (V9). */
public record TicketKey(String value) implements Comparable<TicketKey> {
    private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9]{1,15}-[0-9]{1,9}");

    public TicketKey {
        if (!isWellFormed(value)) {
            throw new InvalidTicketInput("ticket.malformed-key", shortened(value));
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    static String shortened(String value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    @Override
    public int compareTo(TicketKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
