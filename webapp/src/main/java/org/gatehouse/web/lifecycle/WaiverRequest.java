package org.gatehouse.web.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** A security administrator's waiver of a failing gate (B.1.3.1-ii): the gate, why, and until when. */
public class WaiverRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.size}")
    public String gate;

    @NotBlank(message = "{validation.required}")
    @Size(max = 4000, message = "{validation.size}")
    public String justification;

    @NotNull(message = "{validation.required}")
    public OffsetDateTime expiresAt;
}
