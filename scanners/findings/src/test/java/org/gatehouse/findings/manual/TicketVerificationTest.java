package org.gatehouse.findings.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ReleaseId;
import org.junit.jupiter.api.Test;

class TicketVerificationTest {

    private static TestCase testCase(String key, List<String> requirements, TestResult latest) {
        return new TestCase(UUID.randomUUID(), new ReleaseId(UUID.randomUUID()), new ProjectKey("SHOP"), key, key, "s",
                "e", requirements, TestOrigin.MANUAL, Optional.empty(), "tina", OffsetDateTime.now(ZoneOffset.UTC),
                Optional.ofNullable(latest).map(r -> new TestCase.Latest(r, OffsetDateTime.now(ZoneOffset.UTC), "tina")));
    }

    @Test
    void aRequirementIsVerifiedWhenAPassedTestCoversItAndNoneFailedIsBlockedOrPending() {
        List<TestCase> cases = List.of(testCase("MT-001", List.of("SR-P-1"), TestResult.PASSED),
                testCase("MT-002", List.of("SR-P-2"), TestResult.PASSED),
                testCase("MT-003", List.of("SR-P-2"), TestResult.FAILED),
                testCase("MT-004", List.of("SR-P-3"), null),
                testCase("MT-005", List.of("SR-P-4", "SR-P-1"), TestResult.NOT_APPLICABLE),
                testCase("MT-006", List.of("SR-P-5"), TestResult.PASSED),
                testCase("MT-007", List.of("SR-P-5"), TestResult.BLOCKED));
        assertEquals(Set.of("SR-P-1"), TicketVerification.verified(List.of("SR-P-1", "SR-P-2", "SR-P-3", "SR-P-4",
                "SR-P-5", "SR-P-6"), cases));
        assertEquals(Set.of(), TicketVerification.verified(List.of("SR-P-1"), List.of()), "no test, nothing verified");
    }
}
