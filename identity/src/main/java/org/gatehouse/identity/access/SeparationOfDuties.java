package org.gatehouse.identity.access;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * The four-eyes rule for actions that need a second person (approvals of dismissals, risk
 * acceptances, waivers): the approver holds the required role in the project and is not the
 * requester.
 */
public final class SeparationOfDuties {
    private SeparationOfDuties() {
    }

    /**
     * @throws Violated when the approver is the requester or lacks the role
     */
    public static void requireApprover(AccountId requester, Actor approver, Role required, ProjectKey project) {
        if (approver.account().isEmpty()) {
            throw new Violated("sod.not-authenticated");
        }
        if (approver.account().get().equals(requester)) {
            throw new Violated("sod.same-person");
        }
        if (!approver.rolesIn(project).contains(required)) {
            throw new Violated("sod.missing-role", required.name());
        }
    }

    /** The second person is the first one, or may not approve. */
    public static final class Violated extends DomainException {
        private static final long serialVersionUID = 1L;

        Violated(String key, Object... arguments) {
            super(ProblemType.FORBIDDEN, key, arguments);
        }
    }
}
