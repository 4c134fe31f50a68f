package org.gatehouse.workflow.lifecycle;

import static org.gatehouse.workflow.lifecycle.DefaultDefinitions.BLACK_BOX_NO_OPEN_FINDINGS;
import static org.gatehouse.workflow.lifecycle.DefaultDefinitions.THRESHOLD;
import static org.gatehouse.workflow.lifecycle.DefaultDefinitions.VULNERABILITIES_RESOLVED;
import static org.gatehouse.workflow.lifecycle.DefaultDefinitions.WHITE_BOX_NO_OPEN_FINDINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DefaultDefinitionsTest {
    private static final WorkflowDefinition LEVEL_1 = DefaultDefinitions.forLevel(ProtectionLevel.LEVEL_1);
    private static final WorkflowDefinition LEVEL_2 = DefaultDefinitions.forLevel(ProtectionLevel.LEVEL_2);
    private static final WorkflowDefinition LEVEL_3 = DefaultDefinitions.forLevel(ProtectionLevel.LEVEL_3);

    private static List<String> gates(WorkflowDefinition definition, Phase from) {
        return definition.route(from, Trigger.ADVANCE).orElseThrow().gates().stream().map(GateId::value).toList();
    }

    private static String threshold(WorkflowDefinition definition, String gate) {
        return definition.parameters(new GateId(gate)).get(THRESHOLD);
    }

    @ParameterizedTest
    @EnumSource(ProtectionLevel.class)
    void everyLevelCoversAllPhasesOfTheLifecycle(ProtectionLevel level) {
        WorkflowDefinition definition = DefaultDefinitions.forLevel(level);
        // C.1: levels 2 and 3 are at version 2 (team.vetted), level 1 stays at version 1
        assertEquals(new DefinitionRef("sdl-level-" + level.number(), level == ProtectionLevel.LEVEL_1 ? 1 : 2),
                definition.ref());
        assertEquals(level, definition.defaultFor());
        assertEquals(EnumSet.allOf(Phase.class), definition.phases());
        assertEquals(Set.of(Phase.RELEASED, Phase.CANCELLED), definition.terminalPhases());
        assertEquals(Phase.REQUIREMENTS, definition.initialPhase());
    }

    @ParameterizedTest
    @EnumSource(ProtectionLevel.class)
    void everyLevelAdvancesInOrderAndCanSendBackAndCancel(ProtectionLevel level) {
        WorkflowDefinition definition = DefaultDefinitions.forLevel(level);
        List<Phase> order = List.of(Phase.REQUIREMENTS, Phase.DESIGN, Phase.DEVELOPMENT, Phase.TESTING,
                Phase.SECURITY_AUDIT, Phase.PRE_PRODUCTION_REVIEW, Phase.RELEASED);
        for (int i = 0; i < order.size() - 1; i++) {
            assertEquals(order.get(i + 1), definition.route(order.get(i), Trigger.ADVANCE).orElseThrow().to());
            assertEquals(Phase.CANCELLED, definition.route(order.get(i), Trigger.CANCEL).orElseThrow().to());
        }
        assertEquals(Phase.DEVELOPMENT, definition.route(Phase.TESTING, Trigger.SEND_BACK).orElseThrow().to());
        assertEquals(Phase.DEVELOPMENT, definition.route(Phase.SECURITY_AUDIT, Trigger.SEND_BACK).orElseThrow().to());
        assertEquals(Phase.REQUIREMENTS, definition.route(Phase.DESIGN, Trigger.SEND_BACK).orElseThrow().to());
        assertTrue(definition.route(Phase.REQUIREMENTS, Trigger.SEND_BACK).isEmpty());
        assertEquals(List.of("risk-assessment.complete", "requirements.agreed", "test-recommendations.agreed"),
                gates(definition, Phase.REQUIREMENTS));
        assertEquals(List.of("pre-production-checklist.complete", "risk-acceptances.unexpired",
                "security-audit-report.signed"), gates(definition, Phase.PRE_PRODUCTION_REVIEW));
        assertEquals(List.of("vulnerabilities.resolved", "security-audit-report.signed"),
                gates(definition, Phase.SECURITY_AUDIT));
    }

    @Test
    void levelOneSkipsTheBlackBoxScanAndTheHeavierGates() {
        assertEquals(Set.of(ActivityId.WHITE_BOX_SCAN, ActivityId.MANUAL_SECURITY_TEST), LEVEL_1.activities(Phase.TESTING));
        assertEquals(List.of("white-box.no-open-findings", "manual-tests.executed", "tickets.verified"),
                gates(LEVEL_1, Phase.TESTING));
        assertEquals(List.of("design-recommendations.agreed"), gates(LEVEL_1, Phase.DESIGN));
        assertEquals(List.of(), gates(LEVEL_1, Phase.DEVELOPMENT));
        assertEquals(Map.of(), LEVEL_1.parameters(new GateId(BLACK_BOX_NO_OPEN_FINDINGS)));
    }

    @Test
    void levelTwoRequiresAllThreeTestActivities() {
        assertEquals(Set.of(ActivityId.WHITE_BOX_SCAN, ActivityId.BLACK_BOX_SCAN, ActivityId.MANUAL_SECURITY_TEST),
                LEVEL_2.activities(Phase.TESTING));
        assertEquals(List.of("white-box.no-open-findings", "black-box.no-open-findings", "manual-tests.executed",
                "tickets.verified"), gates(LEVEL_2, Phase.TESTING));
        assertEquals(List.of("design-recommendations.agreed", "design.traceability-complete"), gates(LEVEL_2, Phase.DESIGN));
        assertEquals(List.of("coding-standard.attached", "crypto.dual-control", "team.vetted"), gates(LEVEL_2, Phase.DEVELOPMENT));
    }

    @Test
    void levelThreeRequiresEverythingWithStricterThresholds() {
        assertEquals(LEVEL_2.activities(Phase.TESTING), LEVEL_3.activities(Phase.TESTING));
        assertEquals(List.of("coding-standard.attached", "crypto.dual-control", "build.provenance-recorded", "team.vetted"),
                gates(LEVEL_3, Phase.DEVELOPMENT));
        assertTrue(LEVEL_3.gates().containsAll(LEVEL_2.gates()));
        assertTrue(LEVEL_2.gates().containsAll(LEVEL_1.gates()));
        assertFalse(LEVEL_1.gates().contains(new GateId(BLACK_BOX_NO_OPEN_FINDINGS)));
    }

    @Test
    void thresholdsTightenWithTheLevel() {
        assertEquals(List.of("high", "high", "medium"),
                List.of(threshold(LEVEL_1, WHITE_BOX_NO_OPEN_FINDINGS), threshold(LEVEL_2, WHITE_BOX_NO_OPEN_FINDINGS),
                        threshold(LEVEL_3, WHITE_BOX_NO_OPEN_FINDINGS)));
        assertEquals("high", threshold(LEVEL_2, BLACK_BOX_NO_OPEN_FINDINGS));
        assertEquals("medium", threshold(LEVEL_3, BLACK_BOX_NO_OPEN_FINDINGS));
        assertEquals(List.of("high", "medium", "low"),
                List.of(threshold(LEVEL_1, VULNERABILITIES_RESOLVED), threshold(LEVEL_2, VULNERABILITIES_RESOLVED),
                        threshold(LEVEL_3, VULNERABILITIES_RESOLVED)));
    }

    @Test
    void theCatalogFindsEachDefinitionByIdAndVersion() {
        DefinitionCatalog catalog = DefaultDefinitions.catalog();
        assertEquals(LEVEL_2.ref(), catalog.find(new DefinitionRef("sdl-level-2", 2)).orElseThrow().ref());
        assertTrue(catalog.find(new DefinitionRef("sdl-level-2", 3)).isEmpty());
        assertTrue(catalog.find(new DefinitionRef("sdl-level-1", 2)).isEmpty());
        assertEquals(ProtectionLevel.LEVEL_3, catalog.latestFor(ProtectionLevel.LEVEL_3).orElseThrow().defaultFor());
        assertEquals(LEVEL_3.ref(), catalog.latestFor(ProtectionLevel.LEVEL_3).orElseThrow().ref());
    }

    @Test
    void versionTwoAddsTheVettingAndCryptoGatesWhereRequiredAndVersionOneStaysForReleasesStartedUnderIt() { // C.1, C.4
        DefinitionCatalog catalog = DefaultDefinitions.catalog();
        for (ProtectionLevel level : List.of(ProtectionLevel.LEVEL_2, ProtectionLevel.LEVEL_3)) {
            WorkflowDefinition first = catalog.find(new DefinitionRef(DefaultDefinitions.idFor(level), 1)).orElseThrow();
            WorkflowDefinition second = catalog.find(new DefinitionRef(DefaultDefinitions.idFor(level), 2)).orElseThrow();
            assertFalse(first.gates().contains(new GateId(DefaultDefinitions.TEAM_VETTED)), level.name());
            assertFalse(first.gates().contains(new GateId(DefaultDefinitions.CRYPTO_DUAL_CONTROL)), level.name());
            assertEquals(second.gates().size(), first.gates().size() + 2, level.name());
            assertTrue(second.gates().containsAll(first.gates()), level.name());
        }
        assertFalse(LEVEL_1.gates().contains(new GateId(DefaultDefinitions.TEAM_VETTED)), "level 1 requires no vetting");
        assertEquals(List.of("coding-standard.attached"), gates(catalog.find(new DefinitionRef("sdl-level-2", 1))
                .orElseThrow(), Phase.DEVELOPMENT));
    }

    @Test
    void aReleaseKeepsItsVersionWhenANewerDefinitionAppears() {
        WorkflowDefinition newer = WorkflowDefinition.builder("sdl-level-1", 2, ProtectionLevel.LEVEL_1)
                .terminal(Phase.RELEASED).permit(Phase.REQUIREMENTS, Trigger.ADVANCE, Phase.RELEASED).build();
        DefinitionCatalog catalog = DefinitionCatalog.of(List.of(LEVEL_1, newer));
        assertEquals(2, catalog.latestFor(ProtectionLevel.LEVEL_1).orElseThrow().ref().version());
        ReleaseState started = ReleaseState.start(LifecycleTest.RELEASE, LEVEL_1);
        WorkflowDefinition kept = catalog.find(started.definition()).orElseThrow();
        assertEquals(1, kept.ref().version());
        assertEquals(Phase.DESIGN, kept.route(Phase.REQUIREMENTS, Trigger.ADVANCE).orElseThrow().to());
    }
}
