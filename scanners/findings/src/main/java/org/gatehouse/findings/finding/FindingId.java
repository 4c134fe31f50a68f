package org.gatehouse.findings.finding;

import java.util.Optional;
import java.util.UUID;
import org.gatehouse.platform.id.Uuids;

/** The identity of a tracked finding. */
public record FindingId(UUID value) {
    public FindingId {
        if (value == null) {
            throw new IllegalArgumentException("a finding id needs a value");
        }
    }

    /** The id, or empty when the text is not a UUID. */
    public static Optional<FindingId> parse(String text) {
        return Uuids.parse(text).map(FindingId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
