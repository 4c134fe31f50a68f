package org.gatehouse.workflow.requirement;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One security requirement of a release, as stored (B.1.3.1-ib: a stable key, optionally per ticket). */
public record Requirement(UUID id, String key, Optional<String> clause, String title, Optional<String> titleZh,
        Optional<String> description, Optional<String> ticket, Optional<String> testPoint, Origin origin, String createdBy,
        Instant createdAt, Instant updatedAt, Optional<Instant> withdrawnAt) {

    /** Where a requirement comes from. */
    public enum Origin {
        BASELINE, PROJECT
    }

    public boolean active() {
        return withdrawnAt.isEmpty();
    }
}
