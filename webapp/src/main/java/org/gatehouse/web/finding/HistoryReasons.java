package org.gatehouse.web.finding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.findings.finding.FindingRecords;

/**
 * The reasons Gatehouse itself writes into a finding's history, as stable keys the UI shows in zh-CN or English
 * (issue 4, issue 8). Since V34 each writer stores the key (and the arguments of its text) with the event
 * ({@link org.gatehouse.findings.finding.SystemReason}); that key wins. Entries written before V34 have only the English
 * text, mapped here as before: a reason counts as Gatehouse's only where its writer wrote it — an import's transitions
 * carry the import's id, the expiry check is the actor {@code system:risk-acceptance-expiry} — so a person's reason
 * that happens to read the same is still shown as typed. Keys are part of the API ({@code reasonKey}): add, never
 * rename.
 */
final class HistoryReasons {
    /** Written by the import's reconciliation (findings/importing/Reconciliation), with the import's id. */
    private static final Map<String, String> BY_IMPORT = Map.of(
            "reappeared in import", "reappeared",
            "suppressed in source", "suppressed-in-source",
            "no longer detected", "no-longer-detected",
            "claimed fix confirmed by a scan that no longer detects it", "fix-confirmed-by-scan",
            "not detected by a scan of a newer build", "verified-by-newer-build");

    /** Written by the expiry of risk acceptances (findings/finding/Findings.expireAcceptances). */
    private static final String EXPIRY_ACTOR = "system:risk-acceptance-expiry";

    private static final Map<String, String> BY_EXPIRY = Map.of("risk acceptance expired", "acceptance-expired");

    private HistoryReasons() {
    }

    /** The arguments of a reason Gatehouse wrote (the test case, the tracker issue), or null when it has none. */
    static List<String> args(FindingRecords.Event event) {
        return event.reasonKey().isPresent() && !event.reasonArgs().isEmpty() ? event.reasonArgs() : null;
    }

    /** The key of a reason Gatehouse wrote, or empty for a person's own words. */
    static Optional<String> key(FindingRecords.Event event) {
        if (event.reasonKey().isPresent()) {
            return event.reasonKey();
        }
        // written before V34: by the text, where its writer wrote it
        if (event.importId().isPresent()) {
            return Optional.ofNullable(BY_IMPORT.get(event.reason()));
        }
        if (EXPIRY_ACTOR.equals(event.actor())) {
            return Optional.ofNullable(BY_EXPIRY.get(event.reason()));
        }
        return Optional.empty();
    }
}
