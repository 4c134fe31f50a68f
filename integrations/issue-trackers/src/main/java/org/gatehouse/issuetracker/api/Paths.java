package org.gatehouse.issuetracker.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Small helpers adapters share: encoded query values, http(s) URLs from answers, timestamps. */
public final class Paths {
    private Paths() {
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An http(s) URL from a tracker's answer, or the fallback: a tracker never makes us link to {@code javascript:}. */
    public static URI webUrl(String text, URI fallback) {
        try {
            URI uri = URI.create(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? uri : fallback;
        } catch (IllegalArgumentException | NullPointerException e) {
            return fallback;
        }
    }

    /** An ISO 8601 instant ({@code 2026-01-05T10:11:12Z}), when it is one. */
    public static Optional<Instant> instant(String text) {
        try {
            return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
