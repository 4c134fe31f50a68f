package org.gatehouse.scanner.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a white-box scan ended (B.1.3.1-if): the SpotBugs XML report only when it {@link Outcome#SUCCEEDED}, the
 * worker's exit status (empty when it was killed), duration, application classes analysed, bugs reported, the
 * artifacts' SHA-256, and for failures a message; the tail of the worker's log (stderr and the stdout lines that are
 * not protocol events) in every case.
 */
public record ScanResult(Outcome outcome, Optional<Path> report, OptionalInt exitStatus, Duration duration,
        int classesAnalysed, int bugCount, List<ArtifactDigest> artifacts, Optional<String> error, String logTail) {

    /** The end state of a scan. */
    public enum Outcome {
        SUCCEEDED, FAILED, TIMED_OUT, CANCELLED
    }

    public ScanResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(exitStatus, "exitStatus");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(error, "error");
        artifacts = List.copyOf(artifacts);
        logTail = logTail == null ? "" : logTail;
        if ((outcome == Outcome.SUCCEEDED) != report.isPresent()) {
            throw new IllegalArgumentException("a report exactly when the scan succeeded: " + outcome);
        }
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }
}
