package org.gatehouse.web.credential;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /projects/{key}/service-accounts}. */
public class ServiceAccountRequest {
    @NotNull(message = "{validation.required}")
    @Pattern(regexp = "[a-z0-9][a-z0-9.-]{0,30}", message = "{validation.serviceName}")
    public String name;
}
