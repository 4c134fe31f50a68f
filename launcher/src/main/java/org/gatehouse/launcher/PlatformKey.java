package org.gatehouse.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The platform key that seals secrets at rest (TOTP secrets now, signing keys later): 32 random
 * bytes in {@code $GATEHOUSE_HOME/data/secrets.key} (mode 0600), created on first start and handed
 * to the server as {@code GATEHOUSE_SECRETS_KEY}. An operator may supply the key from a secret
 * store instead by setting that variable. Losing the key makes the sealed secrets unreadable.
 */
public final class PlatformKey {
    public static final String VARIABLE = "GATEHOUSE_SECRETS_KEY";

    private PlatformKey() {
    }

    public static Map<String, String> environment(Path file, Map<String, String> env) throws IOException {
        String given = env.get(VARIABLE);
        if (given != null && !given.isBlank()) {
            return Map.of();
        }
        return Map.of(VARIABLE, loadOrCreate(file));
    }

    static String loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        PrivateFiles.write(file, encoded + "\n");
        return encoded;
    }
}
