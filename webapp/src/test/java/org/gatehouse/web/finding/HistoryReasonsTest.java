package org.gatehouse.web.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.findings.finding.FindingRecords;
import org.gatehouse.findings.finding.SystemReason;
import org.junit.jupiter.api.Test;

/** The history's system reasons become keys the UI shows in zh-CN or English; a person's words stay theirs. */
class HistoryReasonsTest {
    static final Optional<UUID> IMPORT = Optional.of(UUID.randomUUID());

    /** An entry written before V34: the English text only. */
    static Optional<String> key(String actor, Optional<UUID> importId, String reason) {
        return HistoryReasons.key(new FindingRecords.Event(OffsetDateTime.now(), actor, "NEW", "FIXED_UNVERIFIED",
                importId, reason, Optional.empty(), List.of()));
    }

    /** An entry written since V34 by Gatehouse: the text with its key and arguments. */
    static FindingRecords.Event stored(String actor, Optional<UUID> importId, SystemReason reason) {
        return new FindingRecords.Event(OffsetDateTime.now(), actor, "NEW", "FIXED_UNVERIFIED", importId, reason.text(),
                Optional.of(reason.key()), reason.args());
    }

    @Test
    void theImportsReasonsAndTheExpiryHaveKeys() {
        assertEquals(Optional.of("no-longer-detected"), key("ci-bot", IMPORT, "no longer detected"));
        assertEquals(Optional.of("reappeared"), key("alice", IMPORT, "reappeared in import"));
        assertEquals(Optional.of("suppressed-in-source"), key("alice", IMPORT, "suppressed in source"));
        assertEquals(Optional.of("fix-confirmed-by-scan"), key("alice", IMPORT,
                "claimed fix confirmed by a scan that no longer detects it"));
        assertEquals(Optional.of("verified-by-newer-build"), key("alice", IMPORT, "not detected by a scan of a newer build"));
        assertEquals(Optional.of("acceptance-expired"), key("system:risk-acceptance-expiry", Optional.empty(),
                "risk acceptance expired"));
    }

    @Test
    void aPersonsReasonIsShownAsTypedEvenWhenItReadsTheSame() {
        assertEquals(Optional.empty(), key("alice", Optional.empty(), "no longer detected"));
        assertEquals(Optional.empty(), key("alice", Optional.empty(), "risk acceptance expired"));
        assertEquals(Optional.empty(), key("alice", IMPORT, "risk acceptance expired"));
        assertEquals(Optional.empty(), key("alice", Optional.empty(), "fixed in PR 12"));
        assertEquals(Optional.empty(), key("alice", IMPORT, "No longer detected"));
        assertEquals(Optional.empty(), key("tester", Optional.empty(), "re-tested: manual test MT-1 passed"),
                "a text alone is no key outside the import's and the expiry's own");
    }

    @Test
    void theStoredKeyAndItsArgumentsWin() {
        FindingRecords.Event passed = stored("tester", Optional.empty(), SystemReason.manualTestPassed("MT-007"));
        assertEquals(Optional.of("manual-test-passed"), HistoryReasons.key(passed));
        assertEquals(List.of("MT-007"), HistoryReasons.args(passed));
        assertEquals("re-tested: manual test MT-007 passed", passed.reason(), "the English text is still written");
        FindingRecords.Event done = stored("system:issue-tracker:jira:SHOP#SHOP-1", Optional.empty(),
                SystemReason.trackerIssueDone("SHOP-1", "jira", "webhook"));
        assertEquals(Optional.of("tracker-issue-done"), HistoryReasons.key(done));
        assertEquals(List.of("SHOP-1", "jira"), HistoryReasons.args(done));
        FindingRecords.Event gone = stored("ci-bot", IMPORT, SystemReason.NO_LONGER_DETECTED);
        assertEquals(Optional.of("no-longer-detected"), HistoryReasons.key(gone));
        assertNull(HistoryReasons.args(gone), "no arguments: none in the API");
    }

    @Test
    void theKeysKeepTheirEnglishTextsSoOldRowsAndNewRowsReadTheSame() {
        for (SystemReason reason : List.of(SystemReason.REAPPEARED, SystemReason.SUPPRESSED_IN_SOURCE,
                SystemReason.NO_LONGER_DETECTED, SystemReason.FIX_CONFIRMED_BY_SCAN, SystemReason.VERIFIED_BY_NEWER_BUILD)) {
            assertEquals(Optional.of(reason.key()), key("ci-bot", IMPORT, reason.text()), reason::key);
        }
        assertEquals(Optional.of(SystemReason.ACCEPTANCE_EXPIRED.key()), key("system:risk-acceptance-expiry",
                Optional.empty(), SystemReason.ACCEPTANCE_EXPIRED.text()));
        assertEquals("manual test MT-1 failed again", SystemReason.manualTestFailedAgain("MT-1").text());
        assertEquals("filed: manual test MT-1 failed", SystemReason.manualTestFailed("MT-1").text());
        assertEquals("issue 42 reopened in github (reconcile)",
                SystemReason.trackerIssueReopened("42", "github", "reconcile").text());
    }
}
