package org.gatehouse.issuetracker.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the registry and the API know an adapter by: {@code id} (stable, kebab-case, used in the
 * database and the API), a display name, and the header its webhooks carry their HMAC-SHA256 in
 * ({@code sha256=<hex>} over the raw body).
 */
public record TrackerDescriptor(String id, String displayName, String signatureHeader) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public TrackerDescriptor {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(signatureHeader, "signatureHeader");
        if (id == null || !ID.matcher(id).matches() || id.length() > 32) {
            throw new IllegalArgumentException("a tracker id is kebab-case: " + id);
        }
    }
}
