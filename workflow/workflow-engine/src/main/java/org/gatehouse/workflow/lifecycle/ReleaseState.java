package org.gatehouse.workflow.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * Where a release stands, kept outside the definition (the lead stores it on the release entity):
 * its definition version, current phase, a version counter for optimistic locking, the activities
 * done in the current phase and the waivers granted. Every change yields a new state, version + 1.
 */
public record ReleaseState(ReleaseId release, DefinitionRef definition, Phase phase, long version,
        Set<ActivityId> completedActivities, List<Waiver> waivers) {

    public ReleaseState {
        if (release == null || definition == null || phase == null || version < 0) {
            throw new IllegalArgumentException("a release state needs a release, a definition, a phase and a version >= 0");
        }
        completedActivities = Set.copyOf(completedActivities);
        waivers = List.copyOf(waivers);
    }

    /** A new release at the definition's initial phase; it keeps this definition version for good. */
    public static ReleaseState start(ReleaseId release, WorkflowDefinition definition) {
        return new ReleaseState(release, definition.ref(), definition.initialPhase(), 0, Set.of(), List.of());
    }

    /** 8.7: once released, administrative rights are handed over and developers may no longer change security policy. */
    public boolean handedOver() {
        return phase == Phase.RELEASED;
    }

    /** In another phase; each entry into a phase starts its activities afresh (B.1.3.1-ih: fix, then re-test). */
    ReleaseState movedTo(Phase next) {
        return new ReleaseState(release, definition, next, version + 1, Set.of(), waivers);
    }

    ReleaseState withActivityCompleted(ActivityId activity) {
        Set<ActivityId> done = new LinkedHashSet<>(completedActivities);
        done.add(activity);
        return new ReleaseState(release, definition, phase, version + 1, done, waivers);
    }

    ReleaseState withWaiver(Waiver waiver) {
        List<Waiver> all = new ArrayList<>(waivers);
        all.add(waiver);
        return new ReleaseState(release, definition, phase, version + 1, completedActivities, all);
    }
}
