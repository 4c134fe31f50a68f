package org.gatehouse.web.credential;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST …/service-accounts/{login}/tokens}. */
public class TokenRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.size}")
    public String name;

    @NotEmpty(message = "{validation.required}")
    @Size(max = 10, message = "{validation.size}")
    public List<String> scopes;

    @Min(value = 1, message = "{validation.expiresInDays}")
    @Max(value = 3650, message = "{validation.expiresInDays}")
    public Integer expiresInDays;

    /** Give the token a request-signing key: every request with it must then be signed (ADR 0012). */
    public Boolean signed;

    /** IPv4/IPv6 address ranges (CIDR) the token may be used from; none: anywhere. */
    @Size(max = 20, message = "{validation.size}")
    public List<String> allowedSources;
}
