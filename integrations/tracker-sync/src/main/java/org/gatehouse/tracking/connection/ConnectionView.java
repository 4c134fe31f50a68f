package org.gatehouse.tracking.connection;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * A connection as the API shows it: never the credential; the webhook secret only in the answer
 * that created or rotated it (to paste into the tracker's webhook settings), never again.
 */
public record ConnectionView(ConnectionId id, String project, String tracker, String baseUrl, String container,
        Map<String, String> options, String language, String authentication, Optional<String> user,
        String webhookPath, String signatureHeader, Optional<String> webhookSecret, OffsetDateTime updatedAt,
        String updatedBy, Optional<OffsetDateTime> reconciledUntil, Optional<String> lastError,
        Optional<OffsetDateTime> lastErrorAt) {
}
