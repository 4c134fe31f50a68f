package org.gatehouse.scanner.api;

import java.util.Objects;

/**
 * The identity of a finding across scans: the tool's own fingerprint when it gives one, else one
 * derived from parts that survive line shifts and checkout prefixes. {@code scheme} says which
 * (e.g. {@code sarif:fingerprints/0}, {@code derived:v1}).
 */
public record Fingerprint(String scheme, String value) {
    public Fingerprint {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(value, "value");
    }
}
