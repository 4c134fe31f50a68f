package org.gatehouse.workflow.lifecycle;

import java.time.Instant;
import java.util.List;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * One entry of a release's append-only transition log: the move, who made it and when, every gate's
 * answer and the waivers used (B.1.3.1-ii: overrides are recorded). {@code version} is the state's new version.
 */
public record Transition(ReleaseId release, DefinitionRef definition, Phase from, Phase to, Trigger trigger,
        Participant by, Instant at, List<GateEvaluation> gates, List<Waiver> waiversUsed, long version) {
    public Transition {
        gates = List.copyOf(gates);
        waiversUsed = List.copyOf(waiversUsed);
    }
}
