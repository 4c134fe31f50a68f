package org.gatehouse.workflow.lifecycle;

import static org.gatehouse.workflow.lifecycle.LifecycleTest.CLOCK;
import static org.gatehouse.workflow.lifecycle.LifecycleTest.NOW;
import static org.gatehouse.workflow.lifecycle.LifecycleTest.OWNER;
import static org.gatehouse.workflow.lifecycle.LifecycleTest.RELEASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.junit.jupiter.api.Test;

class WaiverTest {
    private static final Participant SECURITY_ADMIN = new Participant("sam", Set.of(Role.SECURITY_ADMINISTRATOR));
    private static final Participant REVIEWER = new Participant("rita", Set.of(Role.SECURITY_REVIEWER, Role.PROJECT_OWNER));
    private static final GateId CHECKLIST = new GateId("pre-production-checklist.complete");

    private final WorkflowDefinition level3 = DefaultDefinitions.forLevel(ProtectionLevel.LEVEL_3);
    private final FakeGates gates = FakeGates.passingAll(level3)
            .answer(CHECKLIST.value(), GateResult.blocked("checklist.item-open", "backup-restore-tested"));

    private Lifecycle review(Waiver... waivers) {
        return new Lifecycle(level3, new ReleaseState(RELEASE, level3.ref(), Phase.PRE_PRODUCTION_REVIEW, 11, Set.of(),
                List.of(waivers)), gates.registry(), CLOCK);
    }

    private static Waiver waiver(GateId gate, Participant by, Instant expiry) {
        return new Waiver(gate, by, "Restore drill booked for next week; risk accepted by the board.",
                NOW.minus(Duration.ofDays(1)), expiry);
    }

    @Test
    void aSecurityAdministratorsWaiverLetsAFailingGatePassAndIsRecorded() {
        Waiver waiver = waiver(CHECKLIST, SECURITY_ADMIN, NOW.plus(Duration.ofDays(7)));
        Advance released = review(waiver).advance(Trigger.ADVANCE, OWNER, 11);
        assertEquals(Phase.RELEASED, released.state().phase());
        assertTrue(released.state().handedOver());
        assertEquals(List.of(waiver), released.transition().waiversUsed());
        GateEvaluation checklist = released.transition().gates().get(0);
        assertEquals(CHECKLIST, checklist.gate());
        assertTrue(checklist.waived());
        assertEquals(List.of(Reason.of("checklist.item-open", "backup-restore-tested")), checklist.result().reasons());
        assertEquals(2, released.transition().gates().stream().filter(g -> !g.waived()).count());
    }

    @Test
    void anExpiredWaiverDoesNotCount() {
        Waiver expired = waiver(CHECKLIST, SECURITY_ADMIN, NOW);
        TransitionBlocked e = assertThrows(TransitionBlocked.class, () -> review(expired).advance(Trigger.ADVANCE, OWNER, 11));
        assertEquals(List.of(Optional.of(CHECKLIST)), e.reasons().stream().map(BlockingReason::gate).toList());
        assertEquals(List.of(), review(expired).preview(Trigger.ADVANCE).waiversUsed());
    }

    @Test
    void aWaiverBySomeoneElseDoesNotCount() {
        Waiver byReviewer = waiver(CHECKLIST, REVIEWER, NOW.plus(Duration.ofDays(7)));
        assertThrows(TransitionBlocked.class, () -> review(byReviewer).advance(Trigger.ADVANCE, OWNER, 11));
    }

    @Test
    void aWaiverForAnotherGateDoesNotCount() {
        Waiver other = waiver(new GateId("risk-acceptances.unexpired"), SECURITY_ADMIN, NOW.plus(Duration.ofDays(7)));
        Preview preview = review(other).preview(Trigger.ADVANCE);
        assertFalse(preview.passes());
        assertEquals(List.of(), preview.waiversUsed());
    }

    @Test
    void onlyASecurityAdministratorMayGrantAWaiver() {
        Waiver byReviewer = waiver(CHECKLIST, REVIEWER, NOW.plus(Duration.ofDays(7)));
        WaiverNotPermitted e = assertThrows(WaiverNotPermitted.class, () -> review().waive(byReviewer, 11));
        assertEquals("rita may not waive the gate \"pre-production-checklist.complete\": only a security administrator"
                + " may waive a gate.", e.detail(Locale.ENGLISH));
        ReleaseState granted = review().waive(waiver(CHECKLIST, SECURITY_ADMIN, NOW.plus(Duration.ofDays(7))), 11);
        assertEquals(12, granted.version());
        assertEquals(1, granted.waivers().size());
        assertTrue(review().at(granted).preview(Trigger.ADVANCE).passes());
    }

    @Test
    void aWaiverMustNameAGateOfTheDefinitionAndSayWhy() {
        Waiver unknown = waiver(new GateId("coffee.brewed"), SECURITY_ADMIN, NOW.plus(Duration.ofDays(7)));
        assertThrows(GateNotInDefinition.class, () -> review().waive(unknown, 11));
        assertThrows(IllegalArgumentException.class, () -> new Waiver(CHECKLIST, SECURITY_ADMIN, " ", NOW, NOW.plusSeconds(60)));
        assertThrows(IllegalArgumentException.class, () -> new Waiver(CHECKLIST, SECURITY_ADMIN, "why", NOW, NOW));
    }

    @Test
    void aMissingGateBlocksWithAClearReasonAndCannotBeWaived() {
        gates.answer(CHECKLIST.value(), GateResult.passed()).remove("risk-acceptances.unexpired");
        Waiver waiver = waiver(new GateId("risk-acceptances.unexpired"), SECURITY_ADMIN, NOW.plus(Duration.ofDays(7)));
        TransitionBlocked e = assertThrows(TransitionBlocked.class, () -> review(waiver).advance(Trigger.ADVANCE, OWNER, 11));
        assertEquals(List.of(new BlockingReason(Optional.of(new GateId("risk-acceptances.unexpired")),
                new Reason("lifecycle.gate-missing", List.of("risk-acceptances.unexpired")), false)), e.reasons());
        assertEquals("工作流定义要求门禁“risk-acceptances.unexpired”，但没有任何模块提供该门禁。",
                e.reasons().get(0).reason().format(Lifecycle.class, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void anEmptyRegistryBlocksEveryGuardedRouteButNotCancel() {
        Lifecycle lifecycle = new Lifecycle(level3, ReleaseState.start(RELEASE, level3), GateRegistry.empty(), CLOCK);
        assertEquals(3, lifecycle.preview(Trigger.ADVANCE).blockingReasons().size());
        assertTrue(lifecycle.preview(Trigger.CANCEL).passes());
    }

    @Test
    void aGateThatThrowsOrAnswersNothingBlocksInsteadOfFailing() {
        Gate throwing = new Gate() {
            @Override
            public GateId id() {
                return CHECKLIST;
            }

            @Override
            public GateResult evaluate(GateContext context) {
                throw new IllegalStateException("database down");
            }
        };
        GateRegistry registry = id -> id.equals(CHECKLIST) ? Optional.of(throwing) : gates.registry().find(id);
        Lifecycle lifecycle = new Lifecycle(level3, review().state(), registry, CLOCK);
        assertEquals(List.of(Reason.of("lifecycle.gate-failed", CHECKLIST)),
                lifecycle.preview(Trigger.ADVANCE).blockingReasons().stream().map(BlockingReason::reason).toList());
        gates.answer(CHECKLIST.value(), null);
        assertEquals(List.of(Reason.of("lifecycle.gate-failed", CHECKLIST)),
                review().preview(Trigger.ADVANCE).blockingReasons().stream().map(BlockingReason::reason).toList());
    }

    @Test
    void aParticipantCarriesTheActorsRolesInTheProject() {
        Actor actor = new Actor(Optional.of(new AccountId(java.util.UUID.randomUUID())), "sam", Actor.Kind.PERSON,
                Set.of(Role.SECURITY_ADMINISTRATOR), Map.of("SHOP", Set.of(Role.DEVELOPER)), "10.0.0.1", Optional.empty());
        Participant participant = Participant.of(actor, new ProjectKey("SHOP"));
        assertEquals("sam", participant.name());
        assertEquals(Set.of(Role.SECURITY_ADMINISTRATOR, Role.DEVELOPER), participant.roles());
        assertTrue(participant.isSecurityAdministrator());
        Actor developer = new Actor(actor.account(), "dev", Actor.Kind.PERSON, Set.of(), actor.projectRoles(), "10.0.0.2",
                Optional.empty());
        assertFalse(Participant.of(developer, new ProjectKey("SHOP")).isSecurityAdministrator());
    }

    @Test
    void aRegistryRefusesTwoGatesWithOneId() {
        Gate gate = new Gate() {
            @Override
            public GateId id() {
                return CHECKLIST;
            }

            @Override
            public GateResult evaluate(GateContext context) {
                return GateResult.passed();
            }
        };
        assertThrows(IllegalArgumentException.class, () -> GateRegistry.of(List.of(gate, gate)));
    }
}
