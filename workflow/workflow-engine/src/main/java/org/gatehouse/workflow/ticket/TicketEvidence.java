package org.gatehouse.workflow.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * Which security requirements of a release are verified now (B.1.3.1-ih: "verified by test or scan"): served by the
 * modules that own the evidence — manual testing (a passed test case) and the scans (a scan after the ticket was
 * implemented that finds none of the requirement's weaknesses). A requirement is verified when any implementation
 * says so; without an implementation nothing counts as verified, so no ticket can be verified and the release gate
 * blocks (deny by default).
 */
public interface TicketEvidence {

    /**
     * A requirement to verify: its key, the weaknesses a scan checks for it (CWE numbers; none: only a test can verify
     * it) and when its ticket was last moved to IMPLEMENTED (evidence older than the implementation does not count
     * for a scan).
     */
    record Claim(String requirement, List<Integer> scanCwes, Optional<Instant> implementedAt) {
        public Claim {
            scanCwes = List.copyOf(scanCwes);
        }
    }

    /** The keys of the {@code claims} that this evidence verifies now; side-effect free. */
    Set<String> verified(ReleaseId release, Collection<Claim> claims);
}
