package org.gatehouse.issuetracker.api;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where issues go: the tracker's API base URL, the container (a Jira project key, a GitHub
 * {@code owner/repo}), the credential, and adapter options (Jira: {@code api-version} 2 or 3,
 * {@code issue-type}). The webhook secret is not part of it: only the core checks signatures.
 */
public record TrackerTarget(URI baseUrl, String container, TrackerCredential credential, Map<String, String> options) {
    public TrackerTarget {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(credential, "credential");
        options = Map.copyOf(options);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
    }

    /** The base URL without a trailing slash, for appending API paths. */
    public String base() {
        return baseUrl.toString().replaceAll("/+$", "");
    }

    @Override
    public String toString() {
        return "TrackerTarget[" + baseUrl + ", " + container + ", " + credential + ", " + options + "]";
    }
}
