package org.gatehouse.identity.access;

import java.util.Optional;
import org.gatehouse.workflow.api.ProjectKey;

/** A CDI event: a role was granted (observers may act once the granting transaction has committed). */
public record RoleGranted(String login, Role role, Optional<ProjectKey> project) {
}
