package org.gatehouse.tracking.sync;

import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** Refusals of the issue-link and webhook endpoints. */
public final class SyncProblem extends DomainException {
    private static final long serialVersionUID = 1L;

    private SyncProblem(ProblemType type, String key, Object... arguments) {
        super(type, key, arguments);
    }

    /** Bad signature, unknown connection: one answer for both, so the webhook address reveals nothing. */
    static SyncProblem webhookRejected() {
        return new SyncProblem(ProblemType.WEBHOOK_REJECTED, "tracker.webhook-rejected");
    }

    static SyncProblem webhookUnreadable(String why) {
        return new SyncProblem(ProblemType.BAD_REQUEST, "tracker.webhook-unreadable", why);
    }

    static SyncProblem count(int max) {
        return new SyncProblem(ProblemType.VALIDATION_FAILED, "tracker.finding-count", max);
    }

    static SyncProblem otherProject(String finding, String project) {
        return new SyncProblem(ProblemType.VALIDATION_FAILED, "tracker.other-project", finding, project);
    }

    static SyncProblem alreadyLinked(String finding) {
        return new SyncProblem(ProblemType.CONFLICT, "tracker.already-linked", finding);
    }
}
