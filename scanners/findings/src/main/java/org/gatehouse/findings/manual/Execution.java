package org.gatehouse.findings.manual;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.scanner.api.Severity;

/** One execution of a test case (append-only), with the finding it filed, reopened or verified. */
public record Execution(UUID id, UUID testCase, TestResult result, String tester, OffsetDateTime executedAt,
        Optional<String> notes, Optional<String> evidence, Optional<String> evidenceUrl, Optional<Severity> severity,
        Optional<UUID> finding) {
}
