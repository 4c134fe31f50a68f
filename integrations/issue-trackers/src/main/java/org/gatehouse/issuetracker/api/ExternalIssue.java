package org.gatehouse.issuetracker.api;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An issue as the tracker holds it: its key ({@code SHOP-12}, {@code 42}), where people see it, its state. */
public record ExternalIssue(String key, URI url, ExternalState state, Optional<Instant> updatedAt) {
    public ExternalIssue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
