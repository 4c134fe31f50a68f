package org.gatehouse.workflow.lifecycle;

import java.util.List;

/** One permitted move of a definition: from a phase, on a trigger, to a phase, guarded by gates. */
public record Route(Phase from, Trigger trigger, Phase to, Kind kind, List<GateId> gates) {

    /** Forward moves need the source phase's activities done; send-back and cancel never do. */
    public enum Kind {
        FORWARD, SEND_BACK, CANCEL
    }

    public Route {
        gates = List.copyOf(gates);
    }

    public boolean requiresActivities() {
        return kind == Kind.FORWARD;
    }
}
