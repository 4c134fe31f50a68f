package org.gatehouse.scans;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A scan as its client follows it: state, live progress while it runs, the artifact (for a server path, where it was
 * read) and the resulting import.
 */
public record ScanStatus(ScanId id, String project, UUID release, String kind, String state, String artifactName,
        long artifactBytes, String artifactSha256, String requestedBy, OffsetDateTime createdAt,
        Optional<OffsetDateTime> startedAt, Optional<OffsetDateTime> finishedAt, OptionalInt classesAnalysed,
        OptionalInt bugCount, Optional<UUID> importId, Optional<String> error, Optional<Progress> progress,
        Optional<String> artifactPath, OptionalInt dependencyCount, Optional<ScanRules> rules) {

    /** Classes analysed so far of the total. */
    public record Progress(int done, int total) {
    }

    public boolean finished() {
        return !state.equals("QUEUED") && !state.equals("RUNNING");
    }
}
