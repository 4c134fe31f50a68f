package org.gatehouse.tracking.connection;

import java.util.Optional;
import java.util.UUID;

/** A tracker connection's id (also the last segment of its webhook address). */
public record ConnectionId(UUID value) {
    public static Optional<ConnectionId> parse(String text) {
        try {
            return Optional.of(new ConnectionId(UUID.fromString(text)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
