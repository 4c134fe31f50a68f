package org.gatehouse.web.session;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code PUT /session/totp}: the first code from the authenticator app. */
public class TotpConfirmation {
    @NotNull(message = "{validation.required}")
    @Pattern(regexp = "\\d{6}", message = "{validation.totpCode}")
    public String code;
}
