package org.gatehouse.web.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Record an activity of the current phase as done (B.1.3.1-ie), with an optional note on its evidence. */
public class ActivityRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 64, message = "{validation.size}")
    public String activity;

    @Size(max = 4000, message = "{validation.size}")
    public String note;
}
