package org.gatehouse.identity.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Argon2id password hashes (BouncyCastle) in the PHC string format
 * {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, with a 16-byte random salt per password. The
 * defaults follow OWASP's minimum (m=19 MiB, t=2, p=1); a hash made with weaker parameters is
 * upgraded at the next successful login. At most a few hashes run at once so that a burst of
 * logins cannot exhaust memory.
 */
@ApplicationScoped
public class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final Semaphore concurrent = new Semaphore(4, true);
    private int memoryKib;
    private int iterations;
    private int parallelism;
    /** Verified against when a login name is unknown, so both paths cost the same (no enumeration). */
    private String decoy;

    public PasswordHasher() {
        this(19_456, 2, 1);
    }

    @Inject
    public PasswordHasher(@ConfigProperty(name = "gatehouse.password.argon2.memory-kib", defaultValue = "19456") int memoryKib,
            @ConfigProperty(name = "gatehouse.password.argon2.iterations", defaultValue = "2") int iterations,
            @ConfigProperty(name = "gatehouse.password.argon2.parallelism", defaultValue = "1") int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /** Constant-time comparison; a malformed stored hash never matches. */
    public boolean verify(String password, String encoded) {
        Parsed parsed = Parsed.of(encoded);
        if (parsed == null) {
            return false;
        }
        byte[] actual = derive(password, parsed.salt, parsed.memoryKib, parsed.iterations, parsed.parallelism,
                parsed.hash.length);
        return MessageDigest.isEqual(actual, parsed.hash);
    }

    /** Spends the same work as a real verification, for a login name that does not exist. */
    public void verifyDecoy(String password) {
        String target;
        synchronized (this) {
            if (decoy == null) {
                decoy = hash("decoy-" + random.nextLong());
            }
            target = decoy;
        }
        verify(password, target);
    }

    public boolean needsRehash(String encoded) {
        Parsed parsed = Parsed.of(encoded);
        return parsed == null || parsed.memoryKib < memoryKib || parsed.iterations < iterations;
    }

    private byte[] derive(String password, byte[] salt, int memory, int time, int lanes, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory).withIterations(time).withParallelism(lanes).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        concurrent.acquireUninterruptibly();
        try {
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            concurrent.release();
        }
        return out;
    }

    private record Parsed(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
        static Parsed of(String encoded) {
            if (encoded == null) {
                return null;
            }
            String[] parts = encoded.split("\\$");
            // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return null;
            }
            try {
                int m = 0;
                int t = 0;
                int p = 0;
                for (String parameter : parts[3].split(",")) {
                    String[] kv = parameter.split("=", 2);
                    int value = Integer.parseInt(kv[1]);
                    switch (kv[0]) {
                        case "m" -> m = value;
                        case "t" -> t = value;
                        case "p" -> p = value;
                        default -> {
                            return null;
                        }
                    }
                }
                if (m < 8 || t < 1 || p < 1 || m > 4_194_304 || t > 100 || p > 64) {
                    return null;
                }
                return new Parsed(m, t, p, B64D.decode(parts[4]), B64D.decode(parts[5]));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
