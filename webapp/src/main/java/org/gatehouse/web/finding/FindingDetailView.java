package org.gatehouse.web.finding;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.gatehouse.findings.finding.Finding;
import org.gatehouse.findings.finding.FindingRecords;

/**
 * A finding with its pending request, occurrences (latest import that saw it) and history; {@code actions} says what
 * the caller can do with it now (the ids of the triage actions, {@code retest}, {@code decide}, {@code reopen}), and
 * {@code latestAcceptUntil} the latest expiry a risk acceptance requested now may have.
 */
public record FindingDetailView(FindingView finding, String fingerprint, String suppression, String fixedByImport,
        String approvedBy, String acceptedUntil, Request pendingRequest, List<OccurrenceView> occurrences,
        List<EventView> history, List<String> actions, String latestAcceptUntil) {

    /** A pending dismissal request. */
    public record Request(String state, String requestedBy, String requestedAt, String reason, String until) {
    }

    /**
     * One occurrence; {@code details} are what the tool said beyond the common fields (ZAP's confidence, WASC id, attack
     * and evidence; SpotBugs' category, priority and rank), by key, in the tool's order, empty when there are none.
     */
    public record OccurrenceView(String importId, String importedAt, String toolVersion, String path, Integer startLine,
            Integer endLine, String logical, String url, String method, String parameter, String description,
            String suppression, Map<String, String> details) {
    }

    /**
     * One state change; {@code reasonKey} names a reason Gatehouse wrote ({@link HistoryReasons}: the UI shows it in
     * the reader's language), {@code reasonArgs} the values of its variable part (a test case key; a tracker issue key
     * and the tracker) in the order of the text's placeholders; both null for a person's own words, shown as typed.
     */
    public record EventView(String at, String actor, String from, String to, String importId, String reason,
            String reasonKey, List<String> reasonArgs) {
    }

    static FindingDetailView of(Finding f, List<FindingRecords.Occurrence> occurrences,
            List<FindingRecords.Event> history, List<String> actions, OffsetDateTime latestAcceptUntil,
            OffsetDateTime now) {
        return new FindingDetailView(FindingView.of(f, now), f.fingerprint(), f.suppression().orElse(null),
                f.fixedImport().map(Object::toString).orElse(null), f.approvedBy().orElse(null),
                f.acceptedUntil().map(t -> t.toInstant().toString()).orElse(null),
                f.pendingRequest().map(r -> new Request(r.state().name(), r.requestedBy(),
                        r.requestedAt().toInstant().toString(), r.reason(),
                        r.acceptUntil().map(t -> t.toInstant().toString()).orElse(null))).orElse(null),
                occurrences.stream().map(o -> new OccurrenceView(o.importId().toString(),
                        o.importedAt().toInstant().toString(), o.toolVersion(), o.path().orElse(null),
                        o.startLine().isPresent() ? o.startLine().getAsInt() : null,
                        o.endLine().isPresent() ? o.endLine().getAsInt() : null, o.logical().orElse(null),
                        o.url().orElse(null), o.method().orElse(null), o.parameter().orElse(null), o.description(),
                        o.suppression().orElse(null), o.details())).toList(),
                history.stream().map(e -> new EventView(e.at().toInstant().toString(), e.actor(), e.from(), e.to(),
                        e.importId().map(Object::toString).orElse(null), e.reason(),
                        HistoryReasons.key(e).orElse(null), HistoryReasons.args(e))).toList(),
                List.copyOf(actions), latestAcceptUntil.toInstant().toString());
    }
}
