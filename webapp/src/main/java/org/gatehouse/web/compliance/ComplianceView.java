package org.gatehouse.web.compliance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.compliance.ClauseRow;
import org.gatehouse.compliance.Evidence;
import org.gatehouse.compliance.Matrix;
import org.gatehouse.compliance.Text;

/** A project's compliance matrix as the API shows it: every text in English and Chinese, the UI picks. */
public record ComplianceView(String project, String projectName, int protectionLevel, long releases,
        ReleaseView latestRelease, ReleaseView latestReleased, Instant evaluatedAt, long tookMillis,
        Map<String, Integer> counts, List<ClauseView> clauses) {

    /** A release the matrix read (null when there is none). */
    public record ReleaseView(String id, String version, String phase) {
    }

    /** One clause: its catalogue ID, section, titles, status, evidence, what is missing, what an auditor checks. */
    public record ClauseView(String id, int section, String titleEn, String titleZh, String status,
            List<EvidenceView> evidence, List<TextView> missing, List<TextView> auditorChecks, List<String> answeredBy) {
    }

    /** What a status rests on; {@code release} and {@code document} are ids to link to (or null). */
    public record EvidenceView(String kind, String reference, String en, String zh, String release, String document) {
    }

    /** A sentence with its message key. */
    public record TextView(String key, String en, String zh) {
    }

    static ComplianceView of(Matrix m) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        m.counts().forEach((status, count) -> counts.put(status.name(), count));
        return new ComplianceView(m.project(), m.projectName(), m.protectionLevel(), m.releases(),
                m.latestRelease().map(ComplianceView::release).orElse(null),
                m.latestReleased().map(ComplianceView::release).orElse(null), m.evaluatedAt(), m.tookMillis(), counts,
                m.clauses().stream().map(ComplianceView::clause).toList());
    }

    private static ReleaseView release(Matrix.ReleaseRef r) {
        return new ReleaseView(r.id(), r.version(), r.phase());
    }

    private static ClauseView clause(ClauseRow row) {
        return new ClauseView(row.clause().id(), row.clause().section(), row.clause().titleEn(), row.clause().titleZh(),
                row.status().name(), row.evidence().stream().map(ComplianceView::evidence).toList(),
                row.missing().stream().map(ComplianceView::text).toList(),
                row.auditorChecks().stream().map(ComplianceView::text).toList(), row.checks());
    }

    private static EvidenceView evidence(Evidence e) {
        return new EvidenceView(e.kind().name(), e.reference(), e.summary().en(), e.summary().zh(),
                e.release().orElse(null), e.document().orElse(null));
    }

    private static TextView text(Text t) {
        return new TextView(t.key(), t.en(), t.zh());
    }
}
