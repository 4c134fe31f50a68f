package org.gatehouse.workflow.lifecycle;

import java.util.List;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** Gates or open activities refuse the transition; {@link #reasons()} lists every one of them. */
public final class TransitionBlocked extends DomainException {
    private static final long serialVersionUID = 1L;

    private final transient List<BlockingReason> reasons;

    public TransitionBlocked(Trigger trigger, Phase phase, List<BlockingReason> reasons) {
        super(ProblemType.INVALID_TRANSITION, "lifecycle.blocked", trigger.name(), phase.name(),
                Integer.toString(reasons.size()));
        this.reasons = List.copyOf(reasons);
    }

    public List<BlockingReason> reasons() {
        return reasons;
    }
}
