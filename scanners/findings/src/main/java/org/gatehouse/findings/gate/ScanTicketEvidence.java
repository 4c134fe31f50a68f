package org.gatehouse.findings.gate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.gatehouse.scanner.api.AnalysisKind;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.ticket.TicketEvidence;

/**
 * The tickets' evidence served by the scans (issue 6, B.1.3.1-ih: "verified by test or scan"; ADR 0018 amended): a
 * requirement that names weaknesses (CWE numbers) is verified when a white-box, black-box or secrets scan of the
 * release arrived after its ticket was last implemented and was imported completely, and no finding of the release with one of those weaknesses
 * is unresolved (new, confirmed, reopened, or fixed and not yet re-tested). A scan from before the implementation
 * says nothing about it; a requirement without weaknesses is left to the tests.
 */
@ApplicationScoped
public class ScanTicketEvidence implements TicketEvidence {
    @Inject
    ReleaseFindings findings;

    @Override
    public Set<String> verified(ReleaseId release, Collection<Claim> claims) {
        List<Claim> scannable = claims.stream().filter(c -> !c.scanCwes().isEmpty() && c.implementedAt().isPresent()).toList();
        if (scannable.isEmpty()) {
            return Set.of();
        }
        List<String> scanners = Stream.of(AnalysisKind.WHITE_BOX, AnalysisKind.BLACK_BOX, AnalysisKind.SECRETS)
                .flatMap(kind -> findings.scannersOf(kind).stream()).toList();
        Optional<Instant> lastScan = findings.lastCompletedImport(release, scanners);
        if (lastScan.isEmpty()) {
            return Set.of();
        }
        Set<Integer> asked = new HashSet<>();
        scannable.forEach(c -> asked.addAll(c.scanCwes()));
        Set<Integer> unresolved = findings.unresolvedWeaknesses(release, asked);
        Set<String> verified = new HashSet<>();
        for (Claim claim : scannable) {
            if (lastScan.get().isAfter(claim.implementedAt().get()) && claim.scanCwes().stream().noneMatch(unresolved::contains)) {
                verified.add(claim.requirement());
            }
        }
        return verified;
    }
}
