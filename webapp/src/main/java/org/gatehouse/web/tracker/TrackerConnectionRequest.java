package org.gatehouse.web.tracker;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** The body of PUT /projects/{key}/tracker; {@code token} is write-only (empty keeps the stored one). */
public class TrackerConnectionRequest {
    @NotBlank
    @Size(max = 32)
    public String tracker;

    @NotBlank
    @Size(max = 500)
    public String baseUrl;

    @NotBlank
    @Size(max = 200)
    public String container;

    @Size(max = 10)
    public Map<@Size(max = 40) String, @Size(max = 100) String> options;

    @Size(max = 10)
    public String language;

    @Size(max = 200)
    public String user;

    @Size(max = 4000)
    public String token;

    public Boolean rotateWebhookSecret;
}
