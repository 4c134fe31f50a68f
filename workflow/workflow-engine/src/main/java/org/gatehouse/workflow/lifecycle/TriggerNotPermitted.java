package org.gatehouse.workflow.lifecycle;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The definition has no route on that trigger from the release's current phase. */
public final class TriggerNotPermitted extends DomainException {
    private static final long serialVersionUID = 1L;

    public TriggerNotPermitted(Trigger trigger, Phase phase) {
        super(ProblemType.INVALID_TRANSITION, "lifecycle.trigger-not-permitted", trigger.name(), phase.name());
    }
}
