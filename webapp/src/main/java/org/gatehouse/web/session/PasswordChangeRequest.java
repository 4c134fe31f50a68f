package org.gatehouse.web.session;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /session/password}. */
public class PasswordChangeRequest {
    @NotNull(message = "{validation.required}")
    @Size(max = 256, message = "{validation.size}")
    public String currentPassword;

    @NotNull(message = "{validation.required}")
    @Size(max = 256, message = "{validation.size}")
    public String newPassword;
}
