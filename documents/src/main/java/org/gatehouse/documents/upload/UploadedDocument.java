package org.gatehouse.documents.upload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.documents.Classification;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.access.Role;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * An uploaded document of a project (C.3): a design document, coding standard, agreement (an NDA), test material or
 * other file, with its classification, the roles it circulates to, and whether it is archived. Its versions are
 * {@link Version}s; the latest counts.
 */
public record UploadedDocument(UUID id, ProjectKey project, String title, Category category, Classification classification,
        List<Role> distribution, Optional<Instant> archivedAt, Optional<String> archivedBy, String createdBy,
        Instant createdAt, int latestVersion) {

    public UploadedDocument {
        distribution = List.copyOf(distribution);
    }

    /** What a document is, for filing (C.3: documents are filed per archive rules). */
    public enum Category {
        DESIGN, CODING_STANDARD, AGREEMENT, TEST, OTHER
    }

    /** One stored version: who uploaded what, why, and what it changes for security (C.3: change record, impact). */
    public record Version(UUID document, int version, String fileName, long size, String sha256, boolean encrypted,
            String changeNote, String securityImpact, String uploadedBy, Instant uploadedAt) {
    }

    /** C.3: DOCUMENT_READ in the project and one of the document's distribution roles there (global roles count). */
    public boolean readableBy(Actor actor) {
        return actor.may(Permission.DOCUMENT_READ, project)
                && actor.rolesIn(project).stream().anyMatch(distribution::contains);
    }

    /** Confidential and secret versions are stored encrypted (C.3, 7.8.6-ei). */
    public boolean encryptedAtRest() {
        return classification == Classification.CONFIDENTIAL || classification == Classification.SECRET;
    }
}
