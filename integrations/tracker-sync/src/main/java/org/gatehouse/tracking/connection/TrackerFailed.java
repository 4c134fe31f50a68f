package org.gatehouse.tracking.connection;

import org.gatehouse.issuetracker.api.TrackerCallFailed;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/** The tracker refused or failed a call made for a request; the detail names the problem (never a credential). */
public final class TrackerFailed extends DomainException {
    private static final long serialVersionUID = 1L;

    public TrackerFailed(TrackerCallFailed failure) {
        super(ProblemType.TRACKER_FAILED, "tracker.call-failed", failure.problem().name(), failure.getMessage());
    }
}
