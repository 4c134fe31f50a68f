package org.gatehouse.workflow.lifecycle;

import java.util.Optional;

/**
 * One reason a transition cannot happen now: from a gate (its id present; pending gates too), or
 * from the engine itself (an activity not done; gate id empty).
 */
public record BlockingReason(Optional<GateId> gate, Reason reason, boolean pending) {
}
