package org.gatehouse.findings.secrets;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of a project's register of production keys (8.5.2): a label and a fingerprint, never the
 * key or secret. {@code fingerprint} is the SHA-256 of the public key for keys and certificates, the
 * keyed hash for secrets; {@code secretLength} the secret's length in bytes.
 */
public record RegisteredKey(UUID id, String project, String label, Kind kind, String fingerprint,
        Optional<Integer> secretLength, String registeredBy, Instant registeredAt) {

    /** What was registered. */
    public enum Kind {
        PUBLIC_KEY, CERTIFICATE, SECRET
    }
}
