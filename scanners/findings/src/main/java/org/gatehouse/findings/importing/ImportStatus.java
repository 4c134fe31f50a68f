package org.gatehouse.findings.importing;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** An import as its client follows it: where it stands, what it read, and what it did. */
public record ImportStatus(ImportId id, String project, UUID release, String scanner, String category, String status,
        String fileName, long uploadedBytes, long reportBytes, String sha256, Optional<String> commit,
        Optional<String> build, String requestedBy, OffsetDateTime createdAt, Optional<OffsetDateTime> startedAt,
        Optional<OffsetDateTime> finishedAt, Optional<ImportCounts> counts, Optional<String> errorType,
        Optional<String> errorDetail, Optional<ImportProgress.Snapshot> progress, BuildContext context) {

    public boolean finished() {
        return status.equals("COMPLETED") || status.equals("FAILED");
    }
}
