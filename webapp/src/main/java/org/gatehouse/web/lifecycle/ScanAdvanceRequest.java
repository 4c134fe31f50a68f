package org.gatehouse.web.lifecycle;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /releases/{id}/scan-advance}: the pushed scan's import. */
public class ScanAdvanceRequest {
    @JsonbProperty("import")
    @NotBlank(message = "{validation.required}")
    @Size(max = 64, message = "{validation.size}")
    public String importId;
}
