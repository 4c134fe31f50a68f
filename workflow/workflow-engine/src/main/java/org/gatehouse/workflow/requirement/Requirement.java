package org.gatehouse.workflow.requirement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One security requirement of a release, as stored (B.1.3.1-ib: a stable key, optionally per ticket). {@code scanCwes}
 * names the weaknesses a scan checks for it: a requirement with some can be verified by scan as well as by test.
 */
public record Requirement(UUID id, String key, Optional<String> clause, String title, Optional<String> titleZh,
        Optional<String> description, Optional<String> ticket, Optional<String> testPoint, Origin origin, String createdBy,
        Instant createdAt, Instant updatedAt, Optional<Instant> withdrawnAt, List<Integer> scanCwes) {

    public Requirement {
        scanCwes = List.copyOf(scanCwes);
    }

    /** Where a requirement comes from. */
    public enum Origin {
        BASELINE, PROJECT
    }

    public boolean active() {
        return withdrawnAt.isEmpty();
    }
}
