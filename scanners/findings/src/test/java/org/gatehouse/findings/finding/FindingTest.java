package org.gatehouse.findings.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Role;
import org.gatehouse.identity.access.SeparationOfDuties;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.workflow.api.ProjectKey;
import org.junit.jupiter.api.Test;

/** The lifecycle of a finding (B.1.3.1-ih) and the four-eyes rule on dismissals, without a container. */
class FindingTest {
    static final ProjectKey SHOP = new ProjectKey("SHOP");
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZoneOffset.UTC);
    static final Duration MAX = Duration.ofDays(90);

    static Actor person(Role role) {
        return new Actor(Optional.of(new AccountId(UUID.randomUUID())), role.name().toLowerCase(), Actor.Kind.PERSON,
                Set.of(), Map.of("SHOP", Set.of(role)), "203.0.113.1", Optional.empty());
    }

    static Finding fresh() {
        return Finding.imported(UUID.randomUUID(), SHOP, "sarif", "derived:v1:abc", "R1", Severity.HIGH,
                FindingState.NEW, NOW, Duration.ofDays(30));
    }

    @Test
    void confirmFixAndRetest() {
        Finding finding = fresh();
        assertEquals(FindingState.CONFIRMED, finding.confirm("real", NOW).to());
        assertEquals(FindingState.FIXED_UNVERIFIED, finding.markFixed("patched", NOW).to());
        assertThrows(InvalidTransition.class, () -> finding.confirm("again", NOW));
        assertEquals(FindingState.REOPENED, finding.retest(false, "still there", NOW).to());
        finding.markFixed("really patched", NOW);
        Finding.StateChange verified = finding.retest(true, "re-tested", NOW);
        assertEquals(FindingState.FIXED_UNVERIFIED, verified.from());
        assertEquals(FindingState.VERIFIED, finding.state());
    }

    @Test
    void aWithdrawnFixClaimReopensOnlyAClaimedFix() {
        Finding finding = fresh();
        assertThrows(InvalidTransition.class, () -> finding.withdrawFixClaim("issue reopened", NOW));
        finding.markFixed("issue SHOP-1 resolved", NOW);
        Finding.StateChange change = finding.withdrawFixClaim("issue SHOP-1 reopened", NOW);
        assertEquals(FindingState.FIXED_UNVERIFIED, change.from());
        assertEquals(FindingState.REOPENED, finding.state());
        assertTrue(finding.fixedImport().isEmpty());
    }

    @Test
    void aDismissalWaitsForASecondPersonWhoIsASecurityReviewer() {
        Finding finding = fresh();
        Actor developer = person(Role.DEVELOPER);
        finding.requestDismissal(developer, FindingState.FALSE_POSITIVE, "constant input", Optional.empty(), MAX, NOW);
        assertEquals(FindingState.NEW, finding.state(), "requested, not yet dismissed");
        assertEquals(FindingState.FALSE_POSITIVE, finding.pendingRequest().orElseThrow().state());

        assertThrows(SeparationOfDuties.Violated.class, () -> finding.decide(developer, true, "mine", NOW));
        assertThrows(SeparationOfDuties.Violated.class, () -> finding.decide(person(Role.TESTER), true, "", NOW));
        Finding.StateChange change = finding.decide(person(Role.SECURITY_REVIEWER), true, "agreed", NOW).orElseThrow();
        assertEquals(FindingState.FALSE_POSITIVE, change.to());
        assertTrue(change.reason().contains("constant input"));
        assertTrue(finding.pendingRequest().isEmpty());
    }

    @Test
    void aRiskAcceptanceNeedsAnExpiryWithinTheMaximum() {
        Finding finding = fresh();
        Actor developer = person(Role.DEVELOPER);
        assertThrows(InvalidTransition.class, () -> finding.requestDismissal(developer, FindingState.RISK_ACCEPTED,
                "legacy", Optional.empty(), MAX, NOW));
        assertThrows(InvalidTransition.class, () -> finding.requestDismissal(developer, FindingState.RISK_ACCEPTED,
                "legacy", Optional.of(NOW.plusDays(91)), MAX, NOW));
        assertThrows(InvalidTransition.class, () -> finding.requestDismissal(developer, FindingState.RISK_ACCEPTED,
                "legacy", Optional.of(NOW.minusDays(1)), MAX, NOW));
        assertThrows(InvalidTransition.class, () -> finding.requestDismissal(developer, FindingState.RISK_ACCEPTED,
                " ", Optional.of(NOW.plusDays(30)), MAX, NOW));
        finding.requestDismissal(developer, FindingState.RISK_ACCEPTED, "legacy", Optional.of(NOW.plusDays(30)), MAX, NOW);
        finding.decide(person(Role.SECURITY_REVIEWER), true, "", NOW);
        assertEquals(FindingState.RISK_ACCEPTED, finding.state());
        assertEquals(NOW.plusDays(30), finding.acceptedUntil().orElseThrow());
        assertEquals(FindingState.REOPENED, finding.reopen("expired", NOW.plusDays(31)).to());
        assertTrue(finding.acceptedUntil().isEmpty());
    }

    @Test
    void onlyTheRequesterWithdrawsAndARejectionLeavesTheStateAlone() {
        Finding finding = fresh();
        Actor developer = person(Role.DEVELOPER);
        finding.requestDismissal(developer, FindingState.FALSE_POSITIVE, "noise", Optional.empty(), MAX, NOW);
        assertThrows(InvalidTransition.class, () -> finding.withdrawRequest(person(Role.DEVELOPER)));
        assertThrows(InvalidTransition.class, () -> finding.requestDismissal(developer, FindingState.FALSE_POSITIVE,
                "twice", Optional.empty(), MAX, NOW), "one pending request at a time");
        assertTrue(finding.decide(person(Role.SECURITY_REVIEWER), false, "it is real", NOW).isEmpty());
        assertEquals(FindingState.NEW, finding.state());
        assertTrue(finding.pendingRequest().isEmpty());
    }

    /** What the UI offers is what the actions allow: the buttons follow the same rules (B.1.3.1-ih, four eyes). */
    @Test
    void thePermittedActionsFollowTheStateAndTheFourEyesRule() {
        Finding finding = fresh();
        Actor developer = person(Role.DEVELOPER);
        Actor reviewer = person(Role.SECURITY_REVIEWER);
        assertTrue(finding.allows(TriageAction.CONFIRM, developer));
        assertTrue(finding.allows(TriageAction.REQUEST_RISK_ACCEPTANCE, developer));
        assertFalse(finding.allows(TriageAction.WITHDRAW_REQUEST, developer));
        assertFalse(finding.decidableBy(reviewer), "nothing to decide");
        assertFalse(finding.retestable() || finding.reopenable());

        finding.requestDismissal(developer, FindingState.RISK_ACCEPTED, "legacy", Optional.of(NOW.plusDays(10)), MAX, NOW);
        assertTrue(finding.allows(TriageAction.WITHDRAW_REQUEST, developer));
        assertFalse(finding.allows(TriageAction.WITHDRAW_REQUEST, reviewer), "only the requester withdraws");
        assertFalse(finding.allows(TriageAction.REQUEST_FALSE_POSITIVE, reviewer), "one request at a time");
        assertTrue(finding.decidableBy(reviewer));
        assertFalse(finding.decidableBy(person(Role.TESTER)), "a tester is no security reviewer");

        Finding own = fresh();
        own.requestDismissal(reviewer, FindingState.FALSE_POSITIVE, "mine", Optional.empty(), MAX, NOW);
        assertFalse(own.decidableBy(reviewer), "never one's own request");

        finding.decide(reviewer, true, "ok", NOW);
        assertTrue(finding.reopenable());
        assertFalse(finding.allows(TriageAction.MARK_FIXED, developer));
        finding.reopen("changed our mind", NOW);
        finding.markFixed("patched", NOW);
        assertTrue(finding.retestable());
    }

    @Test
    void slaBreachCountsOnlyWhileOpen() {
        Finding finding = fresh();
        assertTrue(finding.slaBreached(NOW.plusDays(31)));
        finding.markFixed("done", NOW);
        assertTrue(!finding.slaBreached(NOW.plusDays(31)));
    }

    @Test
    void slaPolicyHasTheDefaultsAndPerLevelOverrides() {
        SlaPolicy defaults = SlaPolicy.defaults();
        assertEquals(7, defaults.days(org.gatehouse.workflow.api.ProtectionLevel.LEVEL_1, Severity.CRITICAL));
        assertEquals(180, defaults.days(org.gatehouse.workflow.api.ProtectionLevel.LEVEL_3, Severity.LOW));
        SlaPolicy strict = SlaPolicy.of(Map.of(org.gatehouse.workflow.api.ProtectionLevel.LEVEL_3, "critical=3, high=14"));
        assertEquals(3, strict.days(org.gatehouse.workflow.api.ProtectionLevel.LEVEL_3, Severity.CRITICAL));
        assertEquals(90, strict.days(org.gatehouse.workflow.api.ProtectionLevel.LEVEL_3, Severity.MEDIUM));
        assertEquals(7, strict.days(org.gatehouse.workflow.api.ProtectionLevel.LEVEL_2, Severity.CRITICAL));
        assertThrows(IllegalArgumentException.class,
                () -> SlaPolicy.of(Map.of(org.gatehouse.workflow.api.ProtectionLevel.LEVEL_1, "urgent=1")));
        assertThrows(IllegalArgumentException.class,
                () -> SlaPolicy.of(Map.of(org.gatehouse.workflow.api.ProtectionLevel.LEVEL_1, "high=0")));
    }
}
