package org.gatehouse.workflow.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The dry run of one trigger: every gate's answer, the activities still open, and whether it would pass. */
public record Preview(Route route, List<GateEvaluation> gates, Set<ActivityId> openActivities) {
    static final String ACTIVITY_OPEN = "lifecycle.activity-open";

    public Preview {
        gates = List.copyOf(gates);
        openActivities = Set.copyOf(openActivities);
    }

    public boolean passes() {
        return openActivities.isEmpty() && gates.stream().allMatch(GateEvaluation::passes);
    }

    /** Every reason it would be refused, gates in definition order first, then open activities. */
    public List<BlockingReason> blockingReasons() {
        List<BlockingReason> reasons = new ArrayList<>();
        gates.stream().filter(evaluation -> !evaluation.passes())
                .forEach(evaluation -> evaluation.result().reasons().forEach(reason -> reasons.add(new BlockingReason(
                        Optional.of(evaluation.gate()), reason, evaluation.result() instanceof GateResult.Pending))));
        openActivities.stream().map(ActivityId::value).sorted()
                .forEach(activity -> reasons.add(new BlockingReason(Optional.empty(), Reason.of(ACTIVITY_OPEN, activity),
                        false)));
        return List.copyOf(reasons);
    }

    /** The waivers that would stand in for failing gates. */
    public List<Waiver> waiversUsed() {
        return gates.stream().filter(GateEvaluation::waived).map(evaluation -> evaluation.waiver().orElseThrow()).toList();
    }
}
