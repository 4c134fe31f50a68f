package org.gatehouse.web.scan;

import java.time.OffsetDateTime;
import org.gatehouse.scans.ScanStatus;

/** A scan as the API shows it. */
public record ScanView(String id, String project, String release, String kind, String state, String artifactName,
        long artifactBytes, String artifactSha256, String requestedBy, String createdAt, String startedAt,
        String finishedAt, Integer classesAnalysed, Integer bugCount, String importId, String error,
        ScanStatus.Progress progress, String artifactPath, Integer dependencyCount) {

    static ScanView of(ScanStatus s) {
        return new ScanView(s.id().toString(), s.project(), s.release().toString(), s.kind(), s.state(),
                s.artifactName(), s.artifactBytes(), s.artifactSha256(), s.requestedBy(), instant(s.createdAt()),
                s.startedAt().map(ScanView::instant).orElse(null), s.finishedAt().map(ScanView::instant).orElse(null),
                s.classesAnalysed().isPresent() ? s.classesAnalysed().getAsInt() : null,
                s.bugCount().isPresent() ? s.bugCount().getAsInt() : null, s.importId().map(Object::toString).orElse(null),
                s.error().orElse(null), s.progress().orElse(null), s.artifactPath().orElse(null),
                s.dependencyCount().isPresent() ? s.dependencyCount().getAsInt() : null);
    }

    private static String instant(OffsetDateTime time) {
        return time.toInstant().toString();
    }
}
