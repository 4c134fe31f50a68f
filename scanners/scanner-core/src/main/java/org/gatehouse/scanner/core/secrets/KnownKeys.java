package org.gatehouse.scanner.core.secrets;

import java.util.Optional;
import java.util.Set;

/**
 * The production keys registered for a project, as the secrets check may see them (C.2, 8.5.2): it asks
 * by the SHA-256 of a public key found in the upload, and by a candidate string, which the register
 * compares under its keyed hash — the check never sees a registered secret, nor does the register
 * keep one.
 */
public interface KnownKeys {
    /** No key registered. */
    KnownKeys NONE = new KnownKeys() {
        @Override
        public Optional<Match> byPublicKey(String sha256) {
            return Optional.empty();
        }

        @Override
        public Optional<Match> bySecret(String candidate) {
            return Optional.empty();
        }

        @Override
        public Set<Integer> secretLengths() {
            return Set.of();
        }
    };

    /** The registered key whose public part has this SHA-256 (lower-case hex). */
    Optional<Match> byPublicKey(String sha256);

    /** The registered secret this candidate is, compared by keyed hash. */
    Optional<Match> bySecret(String candidate);

    /** The lengths (in characters) of the registered secrets: only candidates of these lengths are hashed. */
    Set<Integer> secretLengths();

    /** Which registered key matched: its id and label, never its value. */
    record Match(String id, String label) {
    }
}
