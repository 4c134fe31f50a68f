package org.gatehouse.web.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Fire a trigger ({@code advance}, {@code send-back}, {@code cancel}) from the current phase; {@code If-Match} names the lifecycle version seen. */
public class TransitionRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 64, message = "{validation.size}")
    public String trigger;
}
