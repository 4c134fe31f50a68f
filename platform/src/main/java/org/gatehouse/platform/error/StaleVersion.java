package org.gatehouse.platform.error;

/** The client changed a resource based on a version that is no longer current ({@code If-Match}). */
public final class StaleVersion extends DomainException {
    private static final long serialVersionUID = 1L;

    public StaleVersion(String claimed, long current) {
        super(ProblemType.PRECONDITION_FAILED, "version.stale", claimed, Long.toString(current));
    }
}
