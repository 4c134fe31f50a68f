package org.gatehouse.web.finding;

import org.gatehouse.findings.finding.Finding;
import org.gatehouse.findings.listing.FindingRow;

/** A finding as a listing line. */
public record FindingView(String id, String project, String scanner, String tool, String ruleId, String title,
        String severity, Integer cwe, String location, String state, String createdAt, String dueAt, boolean slaBreached,
        String requestedState) {

    static FindingView of(FindingRow row) {
        return new FindingView(row.id().toString(), row.project(), row.scanner(), row.tool(), row.ruleId(), row.title(),
                row.severity().name(), row.cwe().isPresent() ? row.cwe().getAsInt() : null, row.location(),
                row.state().name(), row.createdAt().toInstant().toString(), row.dueAt().toInstant().toString(),
                row.slaBreached(), row.requestedState().map(Enum::name).orElse(null));
    }

    static FindingView of(Finding f, java.time.OffsetDateTime now) {
        return new FindingView(f.id().toString(), f.project().value(), f.scanner(), f.tool(), f.ruleId(), f.title(),
                f.severity().name(), f.cwe().isPresent() ? f.cwe().getAsInt() : null, f.location(), f.state().name(),
                f.createdAt().toInstant().toString(), f.dueAt().toInstant().toString(), f.slaBreached(now),
                f.pendingRequest().map(r -> r.state().name()).orElse(null));
    }
}
