package org.gatehouse.findings.secrets;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash of a production secret (8.5.2, ADR 0022): HMAC-SHA256 under a key derived per project
 * from the platform key, over the secret's bytes (UTF-8 when registered; as found in the upload when
 * checked). Without the platform key, which is never in the database, a leaked register allows no
 * dictionary attack, however short the secret; the per-project key keeps one secret used in two projects
 * from showing as the same value.
 */
final class SecretHash {
    private final SecretKeySpec key;

    SecretHash(byte[] projectKey) {
        this.key = new SecretKeySpec(projectKey, "HmacSHA256");
        Arrays.fill(projectKey, (byte) 0);
    }

    String of(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(secret));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** The purpose the platform key is derived for, per project. */
    static String purpose(String project) {
        return "production-secret/" + project;
    }
}
