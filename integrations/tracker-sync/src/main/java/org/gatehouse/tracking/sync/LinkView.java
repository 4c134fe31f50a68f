package org.gatehouse.tracking.sync;

import java.time.OffsetDateTime;

/** A finding's link to the issue filed for it, with the issue's last known state. */
public record LinkView(String findingId, String issueKey, String issueUrl, String externalState, OffsetDateTime lastSyncedAt,
        OffsetDateTime createdAt, String createdBy) {
}
