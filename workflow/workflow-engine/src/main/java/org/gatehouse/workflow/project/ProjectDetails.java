package org.gatehouse.workflow.project;

import java.util.Objects;
import java.util.Optional;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ProtectionLevel;

/** What a person states about a project when registering or revising it; checked here, whoever calls. */
public record ProjectDetails(ProjectKey key, String name, Optional<String> description,
        ProtectionLevel protectionLevel, String owner) {

    public ProjectDetails {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(protectionLevel, "protectionLevel");
        name = requireText(name, "name", Project.NAME_MAX);
        owner = requireText(owner, "owner", Project.OWNER_MAX);
        description = description.map(String::strip).filter(text -> !text.isEmpty());
        if (description.map(String::length).orElse(0) > Project.DESCRIPTION_MAX) {
            throw new IllegalArgumentException("description longer than " + Project.DESCRIPTION_MAX);
        }
    }

    private static String requireText(String value, String what, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw new IllegalArgumentException(what + " must have 1 to " + max + " characters");
        }
        return stripped;
    }
}
