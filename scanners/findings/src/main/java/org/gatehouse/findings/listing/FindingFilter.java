package org.gatehouse.findings.listing;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.findings.finding.FindingState;
import org.gatehouse.scanner.api.Severity;

/**
 * What the findings listing is narrowed to; every criterion optional, all combined with AND.
 * {@code requested} keeps findings with a pending request for one of those dismissals, {@code pending}
 * those with (true) or without (false) any pending request: a security reviewer's queue of decisions
 * (B.1.3.1-ih, four eyes).
 */
public record FindingFilter(Optional<String> project, Optional<UUID> release, Set<String> scanners, Set<String> tools,
        Set<Severity> severities, Set<FindingState> states, Optional<Integer> cwe, Optional<String> text,
        Optional<Boolean> slaBreached, Set<FindingState> requested, Optional<Boolean> pending) {

    public FindingFilter {
        scanners = Set.copyOf(scanners);
        tools = Set.copyOf(tools);
        severities = Set.copyOf(severities);
        states = Set.copyOf(states);
        text = text.map(String::strip).filter(t -> !t.isEmpty());
        requested = Set.copyOf(requested);
        if (requested.stream().anyMatch(s -> !s.isDismissed())) {
            throw new IllegalArgumentException("only dismissals are requested: " + requested);
        }
    }

    /** Without the pending-request criteria. */
    public FindingFilter(Optional<String> project, Optional<UUID> release, Set<String> scanners, Set<String> tools,
            Set<Severity> severities, Set<FindingState> states, Optional<Integer> cwe, Optional<String> text,
            Optional<Boolean> slaBreached) {
        this(project, release, scanners, tools, severities, states, cwe, text, slaBreached, Set.of(), Optional.empty());
    }

    public static FindingFilter none() {
        return new FindingFilter(Optional.empty(), Optional.empty(), Set.of(), Set.of(), Set.of(), Set.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
