package org.gatehouse.identity.outbox;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * One event for the outbox: its type, the project it belongs to (none for platform-wide alerts),
 * what it is about ({@code release:<id>}, {@code import:<id>}, …) and its data (a small JSON
 * object; bounded samples, never unbounded lists).
 */
public record OutboxEvent(EventType type, Optional<ProjectKey> project, String subject, JsonObject data) {
    public OutboxEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
        if (type.projectScoped() != project.isPresent()) {
            throw new IllegalArgumentException(type + (type.projectScoped() ? " needs a project" : " has no project"));
        }
    }

    public static OutboxEvent of(EventType type, ProjectKey project, String subject, JsonObject data) {
        return new OutboxEvent(type, Optional.of(project), subject, data);
    }
}
