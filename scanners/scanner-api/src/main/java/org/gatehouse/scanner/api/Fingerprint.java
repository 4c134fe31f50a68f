package org.gatehouse.scanner.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /** Cloned for each finding: looking the algorithm up for every one showed in an import's profile. */
    private static final MessageDigest SHA256;

    static {
        try {
            SHA256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A fingerprint whose value is the SHA-256 (hex) of the stable parts, joined by the caller. */
    public static Fingerprint of(String scheme, String material) {
        MessageDigest sha256;
        try {
            sha256 = (MessageDigest) SHA256.clone(); // the prototype is never updated: clones are independent
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
        return new Fingerprint(scheme, HexFormat.of().formatHex(sha256.digest(material.getBytes(StandardCharsets.UTF_8))));
    }
}
