package org.gatehouse.web.project;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ProtectionLevel;
import org.gatehouse.workflow.project.ProjectDetails;

/**
 * The body of {@code POST /projects} and {@code PUT /projects/{key}} (the key of a PUT comes from the
 * path). A class with annotated fields, not a record: constraints on record components also land on
 * the constructor's parameters, which Payara's OpenAPI generator mistakes for JAX-RS parameters.
 */
public class ProjectRequest {
    /** Constraints that apply only when a project is registered. */
    public interface OnCreate {
    }

    @NotNull(groups = OnCreate.class, message = "{validation.required}")
    @Pattern(regexp = ProjectKey.PATTERN, message = "{validation.projectKey}")
    public String key;

    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.size}")
    public String name;

    @Size(max = 4000, message = "{validation.size}")
    public String description;

    @NotNull(message = "{validation.required}")
    @Min(value = 1, message = "{validation.protectionLevel}")
    @Max(value = 3, message = "{validation.protectionLevel}")
    public Integer protectionLevel;

    @NotBlank(message = "{validation.required}")
    @Size(max = 64, message = "{validation.size}")
    public String owner;

    ProjectDetails toDetails(ProjectKey projectKey) {
        return new ProjectDetails(projectKey, name, Optional.ofNullable(description),
                ProtectionLevel.of(protectionLevel), owner);
    }
}
