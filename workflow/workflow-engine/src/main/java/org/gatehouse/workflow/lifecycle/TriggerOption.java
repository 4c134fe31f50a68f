package org.gatehouse.workflow.lifecycle;

import java.util.List;

/** A trigger the UI may offer from the current phase, whether it would pass now, and if not, why. */
public record TriggerOption(Trigger trigger, Phase target, Route.Kind kind, boolean passesNow,
        List<BlockingReason> blockingReasons) {
    public TriggerOption {
        blockingReasons = List.copyOf(blockingReasons);
    }
}
