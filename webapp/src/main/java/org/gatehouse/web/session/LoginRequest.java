package org.gatehouse.web.session;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /session}. */
public class LoginRequest {
    @NotNull(message = "{validation.required}")
    @Size(max = 64, message = "{validation.size}")
    public String login;

    @NotNull(message = "{validation.required}")
    @Size(max = 256, message = "{validation.size}")
    public String password;

    /** The authenticator code or a recovery code, for accounts with a second factor. */
    @Size(max = 40, message = "{validation.size}")
    public String otp;
}
