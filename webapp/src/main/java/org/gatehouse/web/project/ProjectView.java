package org.gatehouse.web.project;

import java.time.Instant;
import org.gatehouse.workflow.project.Project;

/** A project as the API shows it; {@code version} is also sent as the ETag. */
public record ProjectView(String key, String name, String description, int protectionLevel, String owner,
        Instant createdAt, Instant updatedAt, long version) {

    static ProjectView of(Project project) {
        return new ProjectView(project.key().value(), project.name(), project.description().orElse(null),
                project.protectionLevel().number(), project.owner(), project.createdAt().toInstant(),
                project.updatedAt().toInstant(), project.version());
    }
}
