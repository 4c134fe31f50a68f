package org.gatehouse.tracking.connection;

import java.util.Map;
import java.util.Optional;

/**
 * What a project owner enters for the connection: tracker id, API base URL, container, options,
 * language, and the credential (a user for Basic, and the token); {@code token} may be empty when
 * an existing connection keeps its credential. {@code rotateWebhookSecret} issues a new secret.
 */
public record ConnectionDraft(String tracker, String baseUrl, String container, Map<String, String> options,
        String language, Optional<String> user, Optional<String> token, boolean rotateWebhookSecret) {
    public ConnectionDraft {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
