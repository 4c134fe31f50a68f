package org.gatehouse.web.personnel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.gatehouse.workflow.personnel.Personnel;

/** The body of {@code PUT /people/{login}/background-check} (C.1): status, the day concluded (UTC), by whom, a note. */
public class BackgroundCheckRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 16, message = "{validation.size}")
    public String status;

    @NotBlank(message = "{validation.required}")
    @Size(max = 10, message = "{validation.size}")
    public String checkedOn;

    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.size}")
    public String checkedBy;

    @Size(max = 2000, message = "{validation.size}")
    public String note;

    Personnel.BackgroundCheckEntry entry() {
        return new Personnel.BackgroundCheckEntry(status, checkedOn, checkedBy, note);
    }
}
