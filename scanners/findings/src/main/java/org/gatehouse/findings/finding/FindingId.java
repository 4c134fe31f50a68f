package org.gatehouse.findings.finding;

import java.util.Optional;
import java.util.UUID;

/** The identity of a tracked finding. */
public record FindingId(UUID value) {
    public FindingId {
        if (value == null) {
            throw new IllegalArgumentException("a finding id needs a value");
        }
    }

    /** The id, or empty when the text is not a UUID. */
    public static Optional<FindingId> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FindingId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
