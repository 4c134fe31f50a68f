package org.gatehouse.web.release;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.gatehouse.workflow.release.Release;

/** A release as the API shows it. */
public record ReleaseView(String id, String project, String version, String status, String phase, String definition,
        Instant createdAt, Instant closedAt) {

    static ReleaseView of(Release release) {
        return new ReleaseView(release.id().toString(), release.project().value(), release.version(),
                release.status().name(), release.phase().name(), release.definition().toString(),
                release.createdAt().toInstant(),
                release.closedAt().map(OffsetDateTime::toInstant).orElse(null));
    }
}
