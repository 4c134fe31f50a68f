package org.gatehouse.web.finding;

import java.time.OffsetDateTime;
import org.gatehouse.findings.importing.ImportCounts;
import org.gatehouse.findings.importing.ImportProgress;
import org.gatehouse.findings.importing.ImportStatus;

/** An import as the API shows it. */
public record ImportView(String id, String project, String release, String scanner, String category, String status,
        String fileName, long uploadedBytes, long reportBytes, String sha256, String commit, String build,
        String requestedBy, String createdAt, String startedAt, String finishedAt, ImportCounts counts,
        ImportProgress.Snapshot progress, String errorType, String errorDetail, String branch, String pipelineUrl,
        String artifactSha256) {

    static ImportView of(ImportStatus s) {
        return new ImportView(s.id().toString(), s.project(), s.release().toString(), s.scanner(), s.category(),
                s.status(), s.fileName(), s.uploadedBytes(), s.reportBytes(), s.sha256(), s.commit().orElse(null),
                s.build().orElse(null), s.requestedBy(), instant(s.createdAt()),
                s.startedAt().map(ImportView::instant).orElse(null), s.finishedAt().map(ImportView::instant).orElse(null),
                s.counts().orElse(null), s.progress().orElse(null), s.errorType().orElse(null),
                s.errorDetail().orElse(null), s.context().branch().orElse(null), s.context().pipelineUrl().orElse(null),
                s.context().artifactSha256().orElse(null));
    }

    private static String instant(OffsetDateTime time) {
        return time.toInstant().toString();
    }
}
