package org.gatehouse.compliance;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's compliance matrix at one moment: every catalogue clause in order, with the release it was
 * read from (the latest) and how long the evaluation took.
 */
public record Matrix(String project, String projectName, int protectionLevel, long releases,
        Optional<ReleaseRef> latestRelease, Optional<ReleaseRef> latestReleased, Instant evaluatedAt, long tookMillis,
        List<ClauseRow> clauses) {

    /** A release as the matrix names it. */
    public record ReleaseRef(String id, String version, String phase) {
    }

    public Matrix {
        clauses = List.copyOf(clauses);
    }

    /** How many clauses have each status. */
    public Map<ClauseStatus, Integer> counts() {
        Map<ClauseStatus, Integer> counts = new EnumMap<>(ClauseStatus.class);
        for (ClauseStatus status : ClauseStatus.values()) {
            counts.put(status, 0);
        }
        clauses.forEach(row -> counts.merge(row.status(), 1, Integer::sum));
        return counts;
    }
}
