package org.gatehouse.workflow.signing;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/**
 * The time-stamp authority did not answer, refused, or answered with a token that does not verify:
 * the decision is not taken (a decision that cannot be signed does not happen), and the own TSA is
 * never used instead of a configured external one.
 */
public final class DecisionNotTimeStamped extends DomainException {
    private static final long serialVersionUID = 1L;

    public DecisionNotTimeStamped() {
        super(ProblemType.UNAVAILABLE, "signing.time-stamp-unavailable");
    }
}
