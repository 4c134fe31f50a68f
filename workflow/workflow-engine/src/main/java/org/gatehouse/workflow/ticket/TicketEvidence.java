package org.gatehouse.workflow.ticket;

import java.util.Collection;
import java.util.Set;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * Which security requirements of a release a test verifies (B.1.3.1-ih): served by the module that
 * owns the tests (findings' manual testing). Without an implementation nothing counts as verified, so
 * no ticket can be verified and the release gate blocks (deny by default).
 */
public interface TicketEvidence {

    /** The subset of {@code requirements} that a passed test verifies now; side-effect free. */
    Set<String> verified(ReleaseId release, Collection<String> requirements);
}
