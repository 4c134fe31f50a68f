package org.gatehouse.findings.listing;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.findings.finding.FindingState;
import org.gatehouse.scanner.api.Severity;

/** What the findings listing is narrowed to; every criterion optional, all combined with AND. */
public record FindingFilter(Optional<String> project, Optional<UUID> release, Set<String> scanners, Set<String> tools,
        Set<Severity> severities, Set<FindingState> states, Optional<Integer> cwe, Optional<String> text,
        Optional<Boolean> slaBreached) {

    public FindingFilter {
        scanners = Set.copyOf(scanners);
        tools = Set.copyOf(tools);
        severities = Set.copyOf(severities);
        states = Set.copyOf(states);
        text = text.map(String::strip).filter(t -> !t.isEmpty());
    }

    public static FindingFilter none() {
        return new FindingFilter(Optional.empty(), Optional.empty(), Set.of(), Set.of(), Set.of(), Set.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
