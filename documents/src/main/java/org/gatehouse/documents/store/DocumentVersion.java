package org.gatehouse.documents.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gatehouse.documents.Classification;
import org.gatehouse.documents.DocumentKind;
import org.gatehouse.documents.DocumentLanguage;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ReleaseId;

/** One stored version of a document: what it is, who may read it, its digests and sizes (not its bytes). */
public record DocumentVersion(UUID id, ReleaseId release, ProjectKey project, DocumentKind kind,
        DocumentLanguage language, int version, Classification classification, List<Role> distribution, String changeNote,
        String htmlSha256, long htmlBytes, String pdfSha256, long pdfBytes, String generatedBy, Instant generatedAt) {

    public DocumentVersion {
        distribution = List.copyOf(distribution);
    }
}
