package org.gatehouse.workflow.lifecycle;

import java.util.Optional;

/** One gate's answer for one transition, with the waiver that stood in for it when it failed. */
public record GateEvaluation(GateId gate, GateResult result, Optional<Waiver> waiver) {

    /** Passed on its own, or failed and waived. */
    public boolean passes() {
        return result.passes() || waiver.isPresent();
    }

    public boolean waived() {
        return !result.passes() && waiver.isPresent();
    }
}
