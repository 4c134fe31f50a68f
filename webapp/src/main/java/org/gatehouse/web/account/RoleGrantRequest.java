package org.gatehouse.web.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.gatehouse.workflow.api.ProjectKey;

/** The body of {@code POST /accounts/{login}/roles}: a global role, or a project role with its project. */
public class RoleGrantRequest {
    @NotNull(message = "{validation.required}")
    @Pattern(regexp = "ADMINISTRATOR|SECURITY_ADMINISTRATOR|AUDITOR|PROJECT_OWNER|DEVELOPER|TESTER|SECURITY_REVIEWER|CI_SERVICE",
            message = "{validation.role}")
    public String role;

    @Pattern(regexp = ProjectKey.PATTERN, message = "{validation.projectKey}")
    public String project;
}
