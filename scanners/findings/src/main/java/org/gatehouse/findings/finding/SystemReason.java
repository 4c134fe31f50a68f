package org.gatehouse.findings.finding;

import java.util.List;
import java.util.Objects;

/**
 * A reason Gatehouse itself writes into a finding's history (V34): a stable {@code key} the API gives out as
 * {@code reasonKey} and the UI shows in zh-CN or English, the {@code args} of its variable part (the UI's {0}, {1}),
 * and the English {@code text} written beside them into {@code reason} (old readers, the audit). A person's own reason
 * has none. Keys are part of the API: add, never rename.
 */
public record SystemReason(String key, List<String> args, String text) {
    /** Import reconciliation: a fixed, verified or suppressed finding is reported (unsuppressed) again. */
    public static final SystemReason REAPPEARED = new SystemReason("reappeared", List.of(), "reappeared in import");
    /** Import reconciliation: every occurrence is now suppressed at the source. */
    public static final SystemReason SUPPRESSED_IN_SOURCE = new SystemReason("suppressed-in-source", List.of(),
            "suppressed in source");
    /** Import reconciliation: an open finding is gone from the report. */
    public static final SystemReason NO_LONGER_DETECTED = new SystemReason("no-longer-detected", List.of(),
            "no longer detected");
    /** Import reconciliation: a fix claimed by hand, confirmed by a scan of another build. */
    public static final SystemReason FIX_CONFIRMED_BY_SCAN = new SystemReason("fix-confirmed-by-scan", List.of(),
            "claimed fix confirmed by a scan that no longer detects it");
    /** Import reconciliation: a fixed finding not detected by a scan of a newer build either. */
    public static final SystemReason VERIFIED_BY_NEWER_BUILD = new SystemReason("verified-by-newer-build", List.of(),
            "not detected by a scan of a newer build");
    /** The expiry check: a risk acceptance's date passed. */
    public static final SystemReason ACCEPTANCE_EXPIRED = new SystemReason("acceptance-expired", List.of(),
            "risk acceptance expired");

    public SystemReason {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
        args = List.copyOf(args);
    }

    /** A failed manual test filed its finding. */
    public static SystemReason manualTestFailed(String testCase) {
        return new SystemReason("manual-test-failed", List.of(testCase), "filed: manual test " + testCase + " failed");
    }

    /** A failed manual test reopened its fixed or verified finding. */
    public static SystemReason manualTestFailedAgain(String testCase) {
        return new SystemReason("manual-test-failed-again", List.of(testCase),
                "manual test " + testCase + " failed again");
    }

    /** A passed manual test verified its claimed fix (B.1.3.1-ih). */
    public static SystemReason manualTestPassed(String testCase) {
        return new SystemReason("manual-test-passed", List.of(testCase),
                "re-tested: manual test " + testCase + " passed");
    }

    /** A linked issue is done (resolved) in the tracker: a claimed fix. {@code source}: webhook or reconcile. */
    public static SystemReason trackerIssueDone(String issue, String tracker, String source) {
        return new SystemReason("tracker-issue-done", List.of(issue, tracker),
                "issue " + issue + " resolved in " + tracker + " (" + source + ")");
    }

    /** A linked issue is no longer done in the tracker: the claim is taken back. */
    public static SystemReason trackerIssueReopened(String issue, String tracker, String source) {
        return new SystemReason("tracker-issue-reopened", List.of(issue, tracker),
                "issue " + issue + " reopened in " + tracker + " (" + source + ")");
    }

    /** The arguments as a SQL array value, or null when there are none. */
    public String[] argsOrNull() {
        return args.isEmpty() ? null : args.toArray(String[]::new);
    }
}
