package org.gatehouse.web.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.findings.finding.FindingRecords;
import org.junit.jupiter.api.Test;

/** The history's system reasons become keys the UI shows in zh-CN or English; a person's words stay theirs. */
class HistoryReasonsTest {
    static final Optional<UUID> IMPORT = Optional.of(UUID.randomUUID());

    static Optional<String> key(String actor, Optional<UUID> importId, String reason) {
        return HistoryReasons.key(new FindingRecords.Event(OffsetDateTime.now(), actor, "NEW", "FIXED_UNVERIFIED",
                importId, reason));
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
    }
}
