package org.gatehouse.web.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST} and {@code PUT /projects/{key}/webhooks[/{id}]}. */
public class WebhookRequest {
    @NotBlank(message = "{validation.required}")
    @Size(max = 2000, message = "{validation.size}")
    public String url;

    @NotEmpty(message = "{validation.required}")
    @Size(max = 20, message = "{validation.size}")
    public List<String> events;

    @Size(max = 500, message = "{validation.size}")
    public String description;

    /** Whether deliveries are made (default: yes). */
    public Boolean active;
}
