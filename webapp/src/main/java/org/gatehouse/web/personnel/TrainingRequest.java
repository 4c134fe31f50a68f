package org.gatehouse.web.personnel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.gatehouse.workflow.personnel.Personnel;

/**
 * The body of {@code POST /people/{login}/trainings} (C.1): the course, its kind ({@code SECURITY_AWARENESS}
 * or {@code SECURE_CODING} with an optional language), completion and expiry days (UTC).
 */
public class TrainingRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.size}")
    public String course;

    @NotBlank(message = "{validation.required}")
    @Size(max = 32, message = "{validation.size}")
    public String kind;

    @Size(max = 32, message = "{validation.size}")
    public String language;

    @NotBlank(message = "{validation.required}")
    @Size(max = 10, message = "{validation.size}")
    public String completedOn;

    @NotBlank(message = "{validation.required}")
    @Size(max = 10, message = "{validation.size}")
    public String expiresOn;

    Personnel.TrainingEntry entry() {
        return new Personnel.TrainingEntry(course, kind, language, completedOn, expiresOn);
    }
}
