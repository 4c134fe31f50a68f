package org.gatehouse.findings.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gatehouse.findings.manual.ManualTestVerdict.CaseStatus;
import org.gatehouse.workflow.lifecycle.GateResult;
import org.gatehouse.workflow.lifecycle.Reason;
import org.junit.jupiter.api.Test;

class ManualTestVerdictTest {

    private static CaseStatus status(String key, TestResult result) {
        return new CaseStatus(key, Optional.ofNullable(result));
    }

    @Test
    void blocksAReleaseWithoutCases() {
        GateResult result = ManualTestVerdict.decide(List.of());
        assertEquals("gate.manual-tests.none", result.reasons().get(0).key());
    }

    @Test
    void passesWhenEveryLatestResultPassedOrIsNotApplicable() {
        assertTrue(ManualTestVerdict.decide(List.of(status("MT-001", TestResult.PASSED),
                status("SF-01", TestResult.NOT_APPLICABLE))).passes());
    }

    @Test
    void blocksOnFailedBlockedAndNeverExecutedCasesWithOneReasonEach() {
        GateResult result = ManualTestVerdict.decide(List.of(status("MT-002", TestResult.FAILED),
                status("MT-001", TestResult.PASSED), status("SF-02", TestResult.BLOCKED), status("SF-01", null),
                status("SF-03", null)));
        assertTrue(result instanceof GateResult.Blocked);
        assertEquals(List.of(Reason.of("gate.manual-tests.failed", 1, "MT-002"),
                Reason.of("gate.manual-tests.blocked", 1, "SF-02"),
                Reason.of("gate.manual-tests.not-executed", 2, "SF-01, SF-03")), result.reasons());
    }

    @Test
    void namesAtMostFiveCaseKeysInKeyOrder() {
        List<CaseStatus> cases = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            cases.add(status(String.format("SF-%02d", i), null));
        }
        Reason reason = ManualTestVerdict.decide(cases).reasons().get(0);
        assertEquals(List.of("12", "SF-01, SF-02, SF-03, SF-04, SF-05, …"), reason.arguments());
    }

    @Test
    void doesNotPassWhenEveryCaseIsNotApplicable() {
        GateResult result = ManualTestVerdict.decide(List.of(status("SF-01", TestResult.NOT_APPLICABLE)));
        assertEquals(List.of(Reason.of("gate.manual-tests.nothing-passed", 1)), result.reasons());
    }

    @Test
    void aFailureCountsUntilTheCaseIsExecutedAgainOnlyThroughItsLatestResult() {
        assertTrue(ManualTestVerdict.decide(List.of(status("MT-001", TestResult.PASSED))).passes());
        assertEquals("gate.manual-tests.failed", ManualTestVerdict.decide(List.of(status("MT-001", TestResult.FAILED)))
                .reasons().get(0).key());
    }
}
