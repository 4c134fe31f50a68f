package org.gatehouse.workflow.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.gatehouse.workflow.api.ReleaseStatus;
import org.gatehouse.workflow.lifecycle.ActivityId;
import org.gatehouse.workflow.lifecycle.Advance;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.GateRegistry;
import org.gatehouse.workflow.lifecycle.Lifecycle;
import org.gatehouse.workflow.lifecycle.Participant;
import org.gatehouse.workflow.lifecycle.Phase;
import org.gatehouse.workflow.lifecycle.ReleaseState;
import org.gatehouse.workflow.lifecycle.Trigger;
import org.gatehouse.workflow.lifecycle.WorkflowDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
    private final WorkflowDefinition definition = DefaultDefinitions.forLevel(ProtectionLevel.LEVEL_2);
    private final Participant owner = new Participant("olivia", Set.of(Role.PROJECT_OWNER));

    @Test
    void startsAtTheInitialPhaseOfItsDefinition() {
        Release release = new Release(new ProjectKey("SHOP"), "1.4.0", definition, clock);
        assertEquals(ReleaseStatus.OPEN, release.status());
        assertEquals(7, release.id().value().version());
        assertEquals(definition.ref(), release.definition());
        assertEquals(Phase.REQUIREMENTS, release.phase());
        ReleaseState state = release.lifecycleState(List.of());
        assertEquals(0, state.version());
        assertTrue(state.completedActivities().isEmpty());
    }

    @Test
    void aTerminalPhaseClosesItOnce() {
        Release release = new Release(new ProjectKey("SHOP"), "1.4.0", definition, clock);
        Lifecycle lifecycle = new Lifecycle(definition, release.lifecycleState(List.of()), GateRegistry.empty(), clock);
        Advance cancel = lifecycle.advance(Trigger.CANCEL, owner, 0);
        release.moveTo(cancel.state(), true, clock);
        assertEquals(Phase.CANCELLED, release.phase());
        assertEquals(1, release.lifecycleVersion());
        assertEquals(ReleaseStatus.CLOSED, release.status());
        assertEquals(clock.instant(), release.closedAt().orElseThrow().toInstant());
        // the same state again is refused: the lifecycle version only grows
        assertThrows(IllegalArgumentException.class,
                () -> release.moveTo(cancel.state(), true, Clock.offset(clock, Duration.ofHours(1))));
    }

    @Test
    void keepsTheActivitiesOfTheCurrentPhaseVisit() {
        Release release = new Release(new ProjectKey("SHOP"), "1.4.0", definition, clock);
        ReleaseState testing = new ReleaseState(release.id(), definition.ref(), Phase.TESTING, 4, Set.of(), List.of());
        release.moveTo(testing, false, clock);
        Lifecycle lifecycle = new Lifecycle(definition, release.lifecycleState(List.of()), GateRegistry.empty(), clock);
        release.moveTo(lifecycle.completeActivity(ActivityId.WHITE_BOX_SCAN, 4), false, clock);
        lifecycle = lifecycle.at(release.lifecycleState(List.of()));
        release.moveTo(lifecycle.completeActivity(ActivityId.MANUAL_SECURITY_TEST, 5), false, clock);
        assertEquals(Set.of(ActivityId.WHITE_BOX_SCAN, ActivityId.MANUAL_SECURITY_TEST), release.activities());
        assertEquals(ReleaseStatus.OPEN, release.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "2026.11", "v2-rc.1", "1.0.0+build.5"})
    void acceptsVersionStrings(String version) {
        assertEquals(version, new Release(new ProjectKey("SHOP"), version, definition, clock).version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1.0", "-1", "1.0 beta", "1/0", "<script>"})
    void rejectsMalformedVersions(String version) {
        assertThrows(IllegalArgumentException.class, () -> new Release(new ProjectKey("SHOP"), version, definition, clock));
    }
}
