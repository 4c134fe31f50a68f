package org.gatehouse.findings.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.requirement.Requirement;
import org.junit.jupiter.api.Test;

class TicketVerificationTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private static Requirement requirement(String key, String ticket, boolean active) {
        return new Requirement(UUID.randomUUID(), key, Optional.empty(), key, Optional.empty(), Optional.empty(),
                Optional.ofNullable(ticket), Optional.of("test"), Requirement.Origin.PROJECT, "dana", NOW, NOW,
                active ? Optional.empty() : Optional.of(NOW));
    }

    private static TestCase testCase(String key, List<String> requirements, TestResult latest) {
        return new TestCase(UUID.randomUUID(), new ReleaseId(UUID.randomUUID()), new ProjectKey("SHOP"), key, key, "s",
                "e", requirements, TestOrigin.MANUAL, Optional.empty(), "tina", OffsetDateTime.now(ZoneOffset.UTC),
                Optional.ofNullable(latest).map(r -> new TestCase.Latest(r, OffsetDateTime.now(ZoneOffset.UTC), "tina")));
    }

    @Test
    void aTicketIsVerifiedWhenEachOfItsRequirementsHasAPassedTestAndNoFailedOne() {
        List<Requirement> requirements = List.of(requirement("SR-P-1", "SHOP-1", true), requirement("SR-P-2", "SHOP-1", true),
                requirement("SR-P-3", "SHOP-2", true), requirement("SR-P-4", "SHOP-3", false),
                requirement("SR-8.3-em-1", null, true));
        List<TestCase> cases = List.of(testCase("MT-001", List.of("SR-P-1"), TestResult.PASSED),
                testCase("MT-002", List.of("SR-P-2"), TestResult.PASSED),
                testCase("MT-003", List.of("SR-P-2"), TestResult.FAILED),
                testCase("MT-004", List.of("SR-P-3"), null));
        assertEquals(List.of(new TicketVerification.Open("SHOP-1", List.of("SR-P-2")),
                new TicketVerification.Open("SHOP-2", List.of("SR-P-3"))), TicketVerification.open(requirements, cases));
        assertEquals(List.of(), TicketVerification.open(requirements.subList(0, 1), cases.subList(0, 1)));
        assertEquals(List.of(), TicketVerification.open(List.of(requirement("SR-1", null, true)), List.of()),
                "no ticket, nothing to verify");
    }
}
