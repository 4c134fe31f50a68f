package org.gatehouse.platform.id;

import java.util.Optional;
import java.util.UUID;

/** Reading UUIDs from untrusted text (path parameters): a malformed id finds nothing, it does not fail. */
public final class Uuids {
    private Uuids() {
    }

    /** The UUID, or empty when the text is not one in canonical form (36 characters). */
    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
