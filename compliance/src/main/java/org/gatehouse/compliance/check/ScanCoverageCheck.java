package org.gatehouse.compliance.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;
import org.gatehouse.compliance.ClauseAnswer;
import org.gatehouse.compliance.ClauseCheck;
import org.gatehouse.compliance.Evidence;
import org.gatehouse.compliance.ProjectEvidence;
import org.gatehouse.compliance.Text;

/**
 * What the latest release was scanned with, in one query over its imports and scans: B.1.4.1, B.1.4.7
 * (a black-box ZAP report; a white-box scan by the server, which runs Gatehouse's backdoor detectors, ADR
 * 0014) and 8.5.2 (a secrets scan — Gitleaks — of the code and fixtures).
 */
@ApplicationScoped
public class ScanCoverageCheck implements ClauseCheck {
    static final String WEB = "B.1.4.1, B.1.4.7";
    static final String TEST_DATA = "8.5.2";

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Override
    public Set<String> clauses() {
        return Set.of(WEB, TEST_DATA);
    }

    @Override
    public List<ClauseAnswer> evaluate(ProjectEvidence project) {
        if (project.latest().isEmpty()) {
            return List.of(); // the gate and release checks say there is no release yet
        }
        String release = project.latest().get().id().toString();
        String version = project.latest().get().version();
        java.util.UUID id = project.latest().get().id().value();
        long[] counts = Sql.longs(em, "SELECT"
                + " (SELECT count(*) FROM report_import WHERE release_id = ? AND scanner = 'zap' AND status = 'COMPLETED'),"
                + " (SELECT count(*) FROM scan WHERE release_id = ? AND kind = 'WHITE_BOX' AND state = 'SUCCEEDED'),"
                + " (SELECT count(*) FROM report_import WHERE release_id = ? AND scanner = 'gitleaks' AND status = 'COMPLETED')",
                id, id, id);
        ClauseAnswer.Builder web = ClauseAnswer.of(WEB);
        if (counts[0] > 0) {
            web.met(Evidence.onRelease(Evidence.Kind.COUNT, "zap", Text.of("compliance.zap-imports", counts[0], version), release));
        } else {
            web.missing(Text.of("compliance.no-zap", version));
        }
        if (counts[1] > 0) {
            web.met(Evidence.onRelease(Evidence.Kind.COUNT, "white-box", Text.of("compliance.backdoor-scans", counts[1],
                    version), release));
        } else {
            web.missing(Text.of("compliance.no-backdoor-scan", version));
        }
        ClauseAnswer.Builder data = ClauseAnswer.of(TEST_DATA).auditorChecks(Text.of("compliance.auditor.test-data"));
        if (counts[2] > 0) {
            data.met(Evidence.onRelease(Evidence.Kind.COUNT, "gitleaks", Text.of("compliance.secret-scans", counts[2],
                    version), release));
        } else {
            data.missing(Text.of("compliance.no-secret-scan", version));
        }
        return List.of(web.build(), data.build());
    }
}
