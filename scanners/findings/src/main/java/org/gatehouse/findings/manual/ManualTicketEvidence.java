package org.gatehouse.findings.manual;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.ticket.TicketEvidence;

/** The tickets' evidence served by manual testing (B.1.3.1-ih): requirements covered by passed test cases. */
@ApplicationScoped
public class ManualTicketEvidence implements TicketEvidence {
    @Inject
    ManualTestRecords records;

    @Override
    public Set<String> verified(ReleaseId release, Collection<Claim> claims) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        return TicketVerification.verified(claims.stream().map(Claim::requirement).toList(), records.casesOf(release));
    }
}
