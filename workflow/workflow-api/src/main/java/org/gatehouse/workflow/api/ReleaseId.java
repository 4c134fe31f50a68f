package org.gatehouse.workflow.api;

import java.util.Optional;
import java.util.UUID;

/** The identity of a release: a time-ordered UUID assigned by Gatehouse. */
public record ReleaseId(UUID value) {
    public ReleaseId {
        if (value == null) {
            throw new IllegalArgumentException("a release id needs a value");
        }
    }

    /** The id, or empty when the text is not a UUID (a lookup by such text finds nothing). */
    public static Optional<ReleaseId> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReleaseId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
