package org.gatehouse.web.webhook;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code PUT /session/notification-preferences}. */
public class PreferencesRequest {
    @NotNull(message = "{validation.required}")
    @Size(max = 20, message = "{validation.size}")
    public List<String> events;

    /** {@code zh-CN} (default) or {@code en}. */
    @Size(max = 10, message = "{validation.size}")
    public String language;
}
