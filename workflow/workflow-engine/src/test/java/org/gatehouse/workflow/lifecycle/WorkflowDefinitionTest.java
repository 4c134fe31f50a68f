package org.gatehouse.workflow.lifecycle;

import static org.gatehouse.workflow.lifecycle.Phase.CANCELLED;
import static org.gatehouse.workflow.lifecycle.Phase.DESIGN;
import static org.gatehouse.workflow.lifecycle.Phase.DEVELOPMENT;
import static org.gatehouse.workflow.lifecycle.Phase.RELEASED;
import static org.gatehouse.workflow.lifecycle.Phase.REQUIREMENTS;
import static org.gatehouse.workflow.lifecycle.Phase.TESTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkflowDefinitionTest {

    private static WorkflowDefinition.Builder minimal() {
        return WorkflowDefinition.builder("fixture", 1, ProtectionLevel.LEVEL_2)
                .terminal(RELEASED)
                .permit(REQUIREMENTS, Trigger.ADVANCE, DESIGN, "requirements.agreed")
                .permit(DESIGN, Trigger.ADVANCE, RELEASED);
    }

    private static InvalidWorkflowDefinition invalid(WorkflowDefinition.Builder builder) {
        return assertThrows(InvalidWorkflowDefinition.class, builder::build);
    }

    @Test
    void buildsAValidDefinitionWithItsRoutesInOrder() {
        WorkflowDefinition definition = minimal().gate("requirements.agreed", Map.of("signers", "3")).build();
        assertEquals(new DefinitionRef("fixture", 1), definition.ref());
        assertEquals(REQUIREMENTS, definition.initialPhase());
        assertEquals(Set.of(REQUIREMENTS, DESIGN, RELEASED), definition.phases());
        assertEquals(Set.of(RELEASED), definition.terminalPhases());
        assertEquals(List.of(new GateId("requirements.agreed")), definition.route(REQUIREMENTS, Trigger.ADVANCE).orElseThrow().gates());
        assertEquals(Map.of("signers", "3"), definition.parameters(new GateId("requirements.agreed")));
        assertEquals(Map.of(), definition.parameters(new GateId("other.gate")));
        assertTrue(definition.route(DESIGN, Trigger.CANCEL).isEmpty());
    }

    @Test
    void cancelIsAddedFromEveryNonTerminalPhaseAndCancelledBecomesTerminal() {
        WorkflowDefinition definition = minimal().cancelFromEveryActivePhase(CANCELLED).build();
        assertEquals(Set.of(RELEASED, CANCELLED), definition.terminalPhases());
        for (Phase phase : List.of(REQUIREMENTS, DESIGN)) {
            Route cancel = definition.route(phase, Trigger.CANCEL).orElseThrow();
            assertEquals(CANCELLED, cancel.to());
            assertEquals(Route.Kind.CANCEL, cancel.kind());
            assertEquals(List.of(), cancel.gates());
        }
        assertEquals(List.of(Trigger.ADVANCE, Trigger.CANCEL),
                definition.routesFrom(REQUIREMENTS).stream().map(Route::trigger).toList());
        assertTrue(definition.routesFrom(RELEASED).isEmpty());
        assertTrue(definition.routesFrom(CANCELLED).isEmpty());
    }

    @Test
    void collectionsCannotBeChangedFromOutside() {
        WorkflowDefinition definition = minimal().activity(DESIGN, "threat-model").build();
        assertThrows(UnsupportedOperationException.class, () -> definition.routes().clear());
        assertThrows(UnsupportedOperationException.class, () -> definition.phases().clear());
        assertThrows(UnsupportedOperationException.class, () -> definition.activities(DESIGN).clear());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Requirements.Agreed", "requirements_agreed", "requirements..agreed", "-agreed", "agreed-",
            "", "requirements agreed", "sign.off.", "9-gate"})
    void refusesMalformedGateIds(String id) {
        InvalidWorkflowDefinition e = invalid(minimal().permit(DESIGN, new Trigger("skip"), RELEASED, id));
        assertEquals(DefinitionRule.MALFORMED_GATE_ID, e.rule());
        assertEquals(id, e.subject());
        assertEquals("lifecycle.definition.malformed-gate-id", e.messageKey());
    }

    @Test
    void refusesMalformedGateIdsInParameters() {
        InvalidWorkflowDefinition e = invalid(minimal().gate("White-Box", Map.of("threshold", "high")));
        assertEquals(DefinitionRule.MALFORMED_GATE_ID, e.rule());
    }

    @Test
    void acceptsDottedKebabGateIds() {
        WorkflowDefinition definition = minimal().permit(DESIGN, new Trigger("fast-track"), RELEASED,
                "white-box.no-open-findings", "c4.build-provenance-2", "plain").build();
        assertEquals(3, definition.route(DESIGN, new Trigger("fast-track")).orElseThrow().gates().size());
    }

    @Test
    void refusesMalformedActivityIds() {
        InvalidWorkflowDefinition e = invalid(minimal().activity(DESIGN, "Threat Model"));
        assertEquals(DefinitionRule.MALFORMED_ACTIVITY_ID, e.rule());
        assertEquals("Threat Model", e.subject());
    }

    @Test
    void refusesTwoRoutesOnTheSameTriggerFromOnePhase() {
        InvalidWorkflowDefinition e = invalid(minimal().permit(REQUIREMENTS, Trigger.ADVANCE, RELEASED));
        assertEquals(DefinitionRule.DUPLICATE_TRIGGER, e.rule());
        assertEquals("REQUIREMENTS advance", e.subject());
    }

    @Test
    void refusesTwoSendBacksFromOnePhase() {
        InvalidWorkflowDefinition e = invalid(minimal().permit(DESIGN, new Trigger("rework"), DEVELOPMENT)
                .permit(DEVELOPMENT, Trigger.ADVANCE, RELEASED)
                .sendBack(DEVELOPMENT, DESIGN).sendBack(DEVELOPMENT, REQUIREMENTS));
        assertEquals(DefinitionRule.DUPLICATE_TRIGGER, e.rule());
        assertEquals("DEVELOPMENT send-back", e.subject());
    }

    @Test
    void refusesADefinitionWithoutTerminalPhase() {
        InvalidWorkflowDefinition e = invalid(WorkflowDefinition.builder("fixture", 1, ProtectionLevel.LEVEL_1)
                .permit(REQUIREMENTS, Trigger.ADVANCE, DESIGN).sendBack(DESIGN, REQUIREMENTS));
        assertEquals(DefinitionRule.NO_TERMINAL_PHASE, e.rule());
    }

    @Test
    void refusesAnExitFromATerminalPhase() {
        InvalidWorkflowDefinition e = invalid(minimal().permit(RELEASED, new Trigger("reopen"), DESIGN));
        assertEquals(DefinitionRule.EXIT_FROM_TERMINAL, e.rule());
        assertEquals("RELEASED reopen", e.subject());
    }

    @Test
    void refusesASendBackOutOfATerminalPhase() {
        InvalidWorkflowDefinition e = invalid(minimal().cancelFromEveryActivePhase(CANCELLED).sendBack(CANCELLED, DESIGN));
        assertEquals(DefinitionRule.EXIT_FROM_TERMINAL, e.rule());
        assertEquals("CANCELLED send-back", e.subject());
    }

    @Test
    void refusesActivitiesInATerminalPhase() {
        InvalidWorkflowDefinition e = invalid(minimal().activity(RELEASED, "celebrate"));
        assertEquals(DefinitionRule.ACTIVITY_IN_TERMINAL_PHASE, e.rule());
        assertEquals("RELEASED", e.subject());
    }

    @Test
    void refusesADeclaredPhaseNoRouteReaches() {
        InvalidWorkflowDefinition e = invalid(minimal().phase(TESTING));
        assertEquals(DefinitionRule.UNREACHABLE_PHASE, e.rule());
        assertEquals("TESTING", e.subject());
    }

    @Test
    void refusesAPhaseOnlyReachableFromItself() {
        InvalidWorkflowDefinition e = invalid(minimal().permit(TESTING, Trigger.ADVANCE, RELEASED)
                .sendBack(TESTING, TESTING));
        assertEquals(DefinitionRule.UNREACHABLE_PHASE, e.rule());
        assertEquals("TESTING", e.subject());
    }

    @Test
    void refusesAPhaseFromWhichNoTerminalIsReachable() {
        InvalidWorkflowDefinition e = invalid(minimal().permit(DESIGN, new Trigger("build"), DEVELOPMENT)
                .permit(DEVELOPMENT, Trigger.ADVANCE, TESTING).sendBack(TESTING, DEVELOPMENT));
        assertEquals(DefinitionRule.NO_PATH_TO_TERMINAL, e.rule());
        assertEquals("DEVELOPMENT", e.subject());
    }

    @Test
    void refusesAnUnreachableTerminalPhase() {
        InvalidWorkflowDefinition e = invalid(minimal().terminal(CANCELLED));
        assertEquals(DefinitionRule.UNREACHABLE_PHASE, e.rule());
        assertEquals("CANCELLED", e.subject());
    }

    @Test
    void refusesParametersForAGateNoRouteUses() {
        InvalidWorkflowDefinition e = invalid(minimal().gate("requirements.agred", Map.of("signers", "3")));
        assertEquals(DefinitionRule.UNUSED_GATE_PARAMETERS, e.rule());
        assertEquals("requirements.agred", e.subject());
    }

    @Test
    void theProblemIsExplainedInBothLanguages() {
        InvalidWorkflowDefinition e = invalid(minimal().phase(TESTING));
        assertEquals("Workflow definition fixture@1: the phase TESTING cannot be reached from the initial phase.",
                e.detail(Locale.ENGLISH));
        assertEquals("工作流定义 fixture@1：从初始阶段无法到达阶段 TESTING。", e.detail(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void identifiersRefuseBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> new Trigger("Advance"));
        assertThrows(IllegalArgumentException.class, () -> new GateId("a b"));
        assertThrows(IllegalArgumentException.class, () -> new ActivityId("white_box"));
        assertThrows(IllegalArgumentException.class, () -> new DefinitionRef("sdl-level-1", 0));
        assertThrows(IllegalArgumentException.class, () -> WorkflowDefinition.builder("SDL", 1, ProtectionLevel.LEVEL_1));
        assertEquals("sdl-level-1@2", new DefinitionRef("sdl-level-1", 2).toString());
    }
}
