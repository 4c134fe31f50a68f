package org.gatehouse.workflow.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.identity.access.Role;
import org.gatehouse.platform.error.StaleVersion;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.gatehouse.workflow.api.ReleaseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LifecycleTest {
    static final ReleaseId RELEASE = new ReleaseId(UUID.fromString("0191c1d2-0000-7000-8000-000000000001"));
    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Participant OWNER = new Participant("olivia", Set.of(Role.PROJECT_OWNER));

    private final WorkflowDefinition level2 = DefaultDefinitions.forLevel(ProtectionLevel.LEVEL_2);
    private final FakeGates gates = FakeGates.passingAll(level2);

    private Lifecycle at(Phase phase, long version, ActivityId... done) {
        return new Lifecycle(level2, new ReleaseState(RELEASE, level2.ref(), phase, version, Set.of(done), List.of()),
                gates.registry(), CLOCK);
    }

    private Lifecycle testingDone() {
        return at(Phase.TESTING, 7, ActivityId.WHITE_BOX_SCAN, ActivityId.BLACK_BOX_SCAN, ActivityId.MANUAL_SECURITY_TEST);
    }

    @Test
    void drivesAReleaseFromRequirementsToReleased() {
        Lifecycle lifecycle = new Lifecycle(level2, ReleaseState.start(RELEASE, level2), gates.registry(), CLOCK);
        assertFalse(lifecycle.handedOver());
        for (Phase expected : List.of(Phase.DESIGN, Phase.DEVELOPMENT, Phase.TESTING)) {
            Advance step = lifecycle.advance(Trigger.ADVANCE, OWNER, lifecycle.state().version());
            assertEquals(expected, step.state().phase());
            lifecycle = lifecycle.at(step.state());
        }
        assertEquals(3, lifecycle.state().version());
        ReleaseState state = lifecycle.completeActivity(ActivityId.WHITE_BOX_SCAN, 3);
        state = lifecycle.at(state).completeActivity(ActivityId.BLACK_BOX_SCAN, 4);
        state = lifecycle.at(state).completeActivity(ActivityId.MANUAL_SECURITY_TEST, 5);
        lifecycle = lifecycle.at(state);
        assertEquals(Set.of(), lifecycle.openActivities());
        for (Phase expected : List.of(Phase.SECURITY_AUDIT, Phase.PRE_PRODUCTION_REVIEW, Phase.RELEASED)) {
            Advance step = lifecycle.advance(Trigger.ADVANCE, OWNER, lifecycle.state().version());
            assertEquals(expected, step.state().phase());
            lifecycle = lifecycle.at(step.state());
        }
        assertEquals(9, lifecycle.state().version());
        assertTrue(lifecycle.handedOver());
        assertEquals(List.of(), lifecycle.permittedTriggers());
    }

    @Test
    void theTransitionRecordsTheMoveTheGatesAndWho() {
        Transition transition = testingDone().advance(Trigger.ADVANCE, OWNER, 7).transition();
        assertEquals(RELEASE, transition.release());
        assertEquals(new DefinitionRef("sdl-level-2", 2), transition.definition()); // version 2: C.1 team.vetted
        assertEquals(Phase.TESTING, transition.from());
        assertEquals(Phase.SECURITY_AUDIT, transition.to());
        assertEquals(Trigger.ADVANCE, transition.trigger());
        assertEquals(OWNER, transition.by());
        assertEquals(NOW, transition.at());
        assertEquals(8, transition.version());
        assertEquals(List.of("white-box.no-open-findings", "black-box.no-open-findings", "manual-tests.executed",
                "tickets.verified"), transition.gates().stream().map(g -> g.gate().value()).toList());
        assertTrue(transition.gates().stream().allMatch(g -> g.result().passes()));
        assertEquals(List.of(), transition.waiversUsed());
    }

    @Test
    void gatesReceiveTheirParametersFromTheDefinition() {
        testingDone().preview(Trigger.ADVANCE);
        assertEquals(4, gates.asked().size());
        GateContext whiteBox = gates.asked().get(0);
        assertEquals(Optional.of("high"), whiteBox.parameter("threshold"));
        assertEquals(ProtectionLevel.LEVEL_2, whiteBox.protectionLevel());
        assertEquals(RELEASE, whiteBox.release());
        assertEquals(Phase.SECURITY_AUDIT, whiteBox.route().to());
        assertEquals(NOW, whiteBox.now());
        assertEquals(Optional.empty(), gates.asked().get(2).parameter("threshold"));
    }

    @Test
    void aBlockedAdvanceListsEveryReasonAndChangesNothing() {
        gates.answer("white-box.no-open-findings", GateResult.blocked("scan.open-findings", 3, "high"))
                .answer("black-box.no-open-findings", GateResult.pending("scan.not-imported", "build-42"))
                .answer("tickets.verified", new GateResult.Blocked(List.of(Reason.of("ticket.unverified", "SHOP-1"),
                        Reason.of("ticket.unverified", "SHOP-7"))));
        Lifecycle lifecycle = at(Phase.TESTING, 7, ActivityId.WHITE_BOX_SCAN);
        TransitionBlocked e = assertThrows(TransitionBlocked.class, () -> lifecycle.advance(Trigger.ADVANCE, OWNER, 7));
        assertEquals(List.of(
                new BlockingReason(Optional.of(new GateId("white-box.no-open-findings")), new Reason("scan.open-findings", List.of("3", "high")), false),
                new BlockingReason(Optional.of(new GateId("black-box.no-open-findings")), new Reason("scan.not-imported", List.of("build-42")), true),
                new BlockingReason(Optional.of(new GateId("tickets.verified")), new Reason("ticket.unverified", List.of("SHOP-1")), false),
                new BlockingReason(Optional.of(new GateId("tickets.verified")), new Reason("ticket.unverified", List.of("SHOP-7")), false),
                new BlockingReason(Optional.empty(), new Reason("lifecycle.activity-open", List.of("black-box-scan")), false),
                new BlockingReason(Optional.empty(), new Reason("lifecycle.activity-open", List.of("manual-security-test")), false)),
                e.reasons());
        assertEquals("The trigger \"advance\" from the phase TESTING is blocked by 6 reason(s).", e.detail(Locale.ENGLISH));
        assertEquals(Phase.TESTING, lifecycle.phase());
        assertEquals(7, lifecycle.state().version());
    }

    @Test
    void previewSaysWhatBlocksWithoutChangingAnything() {
        gates.answer("manual-tests.executed", GateResult.blocked("manual.not-executed", "TC-9"));
        Lifecycle lifecycle = testingDone();
        ReleaseState before = lifecycle.state();
        Preview preview = lifecycle.preview(Trigger.ADVANCE);
        assertFalse(preview.passes());
        assertEquals(Phase.SECURITY_AUDIT, preview.route().to());
        assertEquals(List.of(new BlockingReason(Optional.of(new GateId("manual-tests.executed")),
                new Reason("manual.not-executed", List.of("TC-9")), false)), preview.blockingReasons());
        assertEquals(before, lifecycle.state());
        assertEquals(List.of(), gates.asked().stream().filter(c -> c.route().to() != Phase.SECURITY_AUDIT).toList());
        assertEquals(7, lifecycle.state().version());
    }

    @Test
    void permittedTriggersSayWhichWouldPassNow() {
        gates.answer("white-box.no-open-findings", GateResult.blocked("scan.open-findings", 1, "high"));
        List<TriggerOption> options = testingDone().permittedTriggers();
        assertEquals(List.of(Trigger.ADVANCE, Trigger.SEND_BACK, Trigger.CANCEL),
                options.stream().map(TriggerOption::trigger).toList());
        assertEquals(List.of(false, true, true), options.stream().map(TriggerOption::passesNow).toList());
        assertEquals(List.of(Phase.SECURITY_AUDIT, Phase.DEVELOPMENT, Phase.CANCELLED),
                options.stream().map(TriggerOption::target).toList());
        assertEquals(1, options.get(0).blockingReasons().size());
    }

    @Test
    void openActivitiesBlockOnlyTheForwardRoute() {
        Lifecycle lifecycle = at(Phase.TESTING, 2, ActivityId.WHITE_BOX_SCAN, ActivityId.MANUAL_SECURITY_TEST);
        assertEquals(Set.of(ActivityId.BLACK_BOX_SCAN), lifecycle.openActivities());
        assertEquals(Set.of(ActivityId.BLACK_BOX_SCAN), lifecycle.preview(Trigger.ADVANCE).openActivities());
        assertTrue(lifecycle.preview(Trigger.SEND_BACK).passes());
        assertTrue(lifecycle.preview(Trigger.CANCEL).passes());
    }

    @Test
    void anActivityMustBelongToTheCurrentPhase() {
        Lifecycle lifecycle = at(Phase.DEVELOPMENT, 2);
        assertThrows(ActivityNotInPhase.class, () -> lifecycle.completeActivity(ActivityId.WHITE_BOX_SCAN, 2));
        assertThrows(StaleVersion.class, () -> at(Phase.TESTING, 2).completeActivity(ActivityId.WHITE_BOX_SCAN, 1));
    }

    @Test
    void sendBackReturnsToDevelopmentAndTestingStartsAfresh() {
        gates.answer("white-box.no-open-findings", GateResult.blocked("scan.open-findings", 2, "high"));
        Advance back = testingDone().advance(Trigger.SEND_BACK, OWNER, 7);
        assertEquals(Phase.DEVELOPMENT, back.state().phase());
        assertEquals(List.of(), back.transition().gates());
        Advance again = at(Phase.DEVELOPMENT, 0).at(back.state()).advance(Trigger.ADVANCE, OWNER, 8);
        assertEquals(Phase.TESTING, again.state().phase());
        assertEquals(Set.of(), again.state().completedActivities());
        Advance audit = at(Phase.SECURITY_AUDIT, 3).advance(Trigger.SEND_BACK, OWNER, 3);
        assertEquals(Phase.DEVELOPMENT, audit.state().phase());
    }

    @ParameterizedTest
    @EnumSource(value = Phase.class, names = {"RELEASED", "CANCELLED"}, mode = EnumSource.Mode.EXCLUDE)
    void cancelWorksFromEveryNonTerminalPhaseEvenWhenGatesFail(Phase phase) {
        level2.gates().forEach(gate -> gates.answer(gate.value(), GateResult.blocked("always.no")));
        Advance cancelled = at(phase, 4).advance(Trigger.CANCEL, OWNER, 4);
        assertEquals(Phase.CANCELLED, cancelled.state().phase());
        assertEquals(phase, cancelled.transition().from());
        assertEquals(5, cancelled.state().version());
        assertFalse(cancelled.state().handedOver());
    }

    @ParameterizedTest
    @EnumSource(value = Phase.class, names = {"RELEASED", "CANCELLED"})
    void nothingLeavesATerminalPhase(Phase phase) {
        Lifecycle lifecycle = at(phase, 9);
        assertThrows(PhaseTerminal.class, () -> lifecycle.advance(Trigger.CANCEL, OWNER, 9));
        assertThrows(PhaseTerminal.class, () -> lifecycle.advance(Trigger.SEND_BACK, OWNER, 9));
        assertThrows(PhaseTerminal.class, () -> lifecycle.preview(Trigger.ADVANCE));
        assertEquals(List.of(), lifecycle.permittedTriggers());
        assertEquals(phase == Phase.RELEASED, lifecycle.handedOver());
    }

    @Test
    void aTriggerWithoutRouteIsRefused() {
        TriggerNotPermitted e = assertThrows(TriggerNotPermitted.class,
                () -> at(Phase.REQUIREMENTS, 0).advance(Trigger.SEND_BACK, OWNER, 0));
        assertEquals(List.of("send-back", "REQUIREMENTS"), e.arguments());
        assertEquals("阶段 REQUIREMENTS 不允许触发“send-back”。", e.detail(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aStaleExpectedVersionIsRefusedSoOnlyOneOfTwoConcurrentAdvancesWins() {
        Lifecycle lifecycle = at(Phase.DESIGN, 5);
        Advance first = lifecycle.advance(Trigger.ADVANCE, OWNER, 5);
        assertEquals(6, first.state().version());
        assertThrows(StaleVersion.class, () -> lifecycle.at(first.state()).advance(Trigger.CANCEL, OWNER, 5));
        assertThrows(StaleVersion.class, () -> lifecycle.advance(Trigger.ADVANCE, OWNER, 4));
    }

    @Test
    void aStateOfAnotherDefinitionIsRefused() {
        WorkflowDefinition level1 = DefaultDefinitions.forLevel(ProtectionLevel.LEVEL_1);
        ReleaseState state = ReleaseState.start(RELEASE, level1);
        assertThrows(IllegalArgumentException.class, () -> new Lifecycle(level2, state, gates.registry(), CLOCK));
    }

    @Test
    void evaluatesEveryForwardGateWhateverThePhaseWithWaiversStandingIn() {
        gates.answer(DefaultDefinitions.WHITE_BOX_NO_OPEN_FINDINGS, GateResult.blocked("open", 3))
                .answer(DefaultDefinitions.BLACK_BOX_NO_OPEN_FINDINGS, GateResult.pending("running"));
        Waiver waiver = new Waiver(new GateId(DefaultDefinitions.WHITE_BOX_NO_OPEN_FINDINGS),
                new Participant("sam", Set.of(Role.SECURITY_ADMINISTRATOR)), "accepted for the pilot", NOW,
                NOW.plusSeconds(3600));
        Lifecycle lifecycle = new Lifecycle(level2, new ReleaseState(RELEASE, level2.ref(), Phase.REQUIREMENTS, 2, Set.of(),
                List.of(waiver)), gates.registry(), CLOCK);
        List<Lifecycle.RouteGates> all = lifecycle.evaluateAll();
        assertEquals(List.of(Phase.REQUIREMENTS, Phase.DESIGN, Phase.DEVELOPMENT, Phase.TESTING, Phase.SECURITY_AUDIT,
                Phase.PRE_PRODUCTION_REVIEW), all.stream().map(r -> r.route().from()).toList());
        Lifecycle.RouteGates testing = all.get(3);
        assertFalse(testing.passes(), "the pending black-box gate still blocks");
        GateEvaluation whiteBox = testing.gates().get(0);
        assertTrue(whiteBox.waived());
        assertEquals(List.of(Reason.of("open", 3)), whiteBox.result().reasons());
        assertTrue(all.get(0).passes());
        assertEquals(Phase.REQUIREMENTS, lifecycle.phase(), "nothing moved");
    }
}
