package org.gatehouse.web.document;

import java.time.Instant;
import java.util.List;
import org.gatehouse.documents.upload.UploadedDocument;
import org.gatehouse.documents.upload.UploadedDocuments;
import org.gatehouse.identity.access.Role;

/** JSON of uploaded documents (C.3); public records, as JSON-B needs. */
public final class UploadViews {
    private UploadViews() {
    }

    public record VersionView(int version, String fileName, long size, String sha256, boolean encrypted, String changeNote,
            String securityImpact, String uploadedBy, Instant uploadedAt) {
        static VersionView of(UploadedDocument.Version v) {
            return new VersionView(v.version(), v.fileName(), v.size(), v.sha256(), v.encrypted(), v.changeNote(),
                    v.securityImpact(), v.uploadedBy(), v.uploadedAt());
        }
    }

    public record UploadedView(String id, String project, String title, String category, String classification,
            List<String> distribution, int latestVersion, boolean archived, Instant archivedAt, String archivedBy,
            String createdBy, Instant createdAt, List<VersionView> versions) {
        static UploadedView of(UploadedDocument d, List<UploadedDocument.Version> versions) {
            return new UploadedView(d.id().toString(), d.project().value(), d.title(), d.category().name(),
                    d.classification().name(), d.distribution().stream().map(Role::name).toList(), d.latestVersion(),
                    d.archivedAt().isPresent(), d.archivedAt().orElse(null), d.archivedBy().orElse(null), d.createdBy(),
                    d.createdAt(), versions.stream().map(VersionView::of).toList());
        }

        static UploadedView of(UploadedDocuments.Detail detail) {
            return of(detail.document(), detail.versions());
        }
    }

    public record ListingView(long usedBytes, long quotaBytes, List<UploadedView> documents) {
    }
}
