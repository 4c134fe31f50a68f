package org.gatehouse.findings.secrets;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gatehouse.scanner.core.secrets.KnownKeys;

/**
 * A project's register as the secrets check sees it: public keys by fingerprint, secrets by keyed hash
 * of a candidate (its chars are the bytes found in the upload, ISO-8859-1), and the lengths worth hashing.
 */
final class RegisteredKeys implements KnownKeys {
    private final Map<String, RegisteredKey> publicKeys;
    private final Map<String, RegisteredKey> secrets;
    private final Set<Integer> lengths;
    private final SecretHash hash;

    RegisteredKeys(List<RegisteredKey> register, SecretHash hash) {
        this.publicKeys = register.stream().filter(k -> k.kind() != RegisteredKey.Kind.SECRET)
                .collect(Collectors.toUnmodifiableMap(RegisteredKey::fingerprint, Function.identity(), (a, b) -> a));
        this.secrets = register.stream().filter(k -> k.kind() == RegisteredKey.Kind.SECRET)
                .collect(Collectors.toUnmodifiableMap(RegisteredKey::fingerprint, Function.identity(), (a, b) -> a));
        this.lengths = register.stream().flatMap(k -> k.secretLength().stream()).collect(Collectors.toUnmodifiableSet());
        this.hash = hash;
    }

    @Override
    public Optional<Match> byPublicKey(String sha256) {
        return Optional.ofNullable(publicKeys.get(sha256)).map(RegisteredKeys::match);
    }

    @Override
    public Optional<Match> bySecret(String candidate) {
        if (secrets.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(secrets.get(hash.of(candidate.getBytes(StandardCharsets.ISO_8859_1))))
                .map(RegisteredKeys::match);
    }

    @Override
    public Set<Integer> secretLengths() {
        return lengths;
    }

    private static Match match(RegisteredKey key) {
        return new Match(key.id().toString(), key.label());
    }
}
