package org.gatehouse.findings.listing;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.gatehouse.findings.finding.FindingState;
import org.gatehouse.scanner.api.Severity;

/** One line of the findings listing. */
public record FindingRow(UUID id, String project, String scanner, String tool, String ruleId, String title,
        Severity severity, OptionalInt cwe, String location, FindingState state, OffsetDateTime createdAt,
        OffsetDateTime dueAt, boolean slaBreached, Optional<FindingState> requestedState, long version) {
}
