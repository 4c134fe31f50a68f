package org.gatehouse.workflow.lifecycle;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The activity does not belong to the release's current phase in its definition. */
public final class ActivityNotInPhase extends DomainException {
    private static final long serialVersionUID = 1L;

    public ActivityNotInPhase(ActivityId activity, Phase phase) {
        super(ProblemType.INVALID_TRANSITION, "lifecycle.activity-not-in-phase", activity.value(), phase.name());
    }
}
