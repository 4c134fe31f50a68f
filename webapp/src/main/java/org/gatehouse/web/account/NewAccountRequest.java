package org.gatehouse.web.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gatehouse.identity.account.LoginName;

/** The body of {@code POST /accounts}; without {@code initialPassword} Gatehouse generates one. */
public class NewAccountRequest {
    @NotNull(message = "{validation.required}")
    @Pattern(regexp = LoginName.PATTERN, message = "{validation.login}")
    public String login;

    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.size}")
    public String displayName;

    @Email(message = "{validation.email}")
    @Size(max = 254, message = "{validation.size}")
    public String email;

    @Size(max = 256, message = "{validation.size}")
    public String initialPassword;
}
