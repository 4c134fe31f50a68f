package org.gatehouse.evidence.certificate;

import java.util.Objects;

/** What was released: the release id, its project, version, protection level (1–3) and workflow definition. */
public record ReleaseFacts(String id, String projectKey, String version, int protectionLevel, String definitionId,
        int definitionVersion) {

    public ReleaseFacts {
        Fields.text(id, "release id");
        Fields.text(projectKey, "project key");
        Fields.text(version, "version");
        Fields.text(definitionId, "definition id");
        if (protectionLevel < 1 || protectionLevel > 3) {
            throw new IllegalArgumentException("a protection level is 1, 2 or 3");
        }
        if (definitionVersion < 1) {
            throw new IllegalArgumentException("a definition version is positive");
        }
        Objects.requireNonNull(definitionId);
    }
}
