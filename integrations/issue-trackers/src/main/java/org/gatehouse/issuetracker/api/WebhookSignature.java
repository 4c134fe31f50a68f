package org.gatehouse.issuetracker.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature both trackers use: {@code sha256=} and the hex HMAC-SHA256 of the raw body
 * under the shared secret (GitHub: {@code X-Hub-Signature-256}; Jira Cloud admin webhooks with a
 * secret: {@code X-Hub-Signature}, WebSub style). Compared in constant time.
 */
public final class WebhookSignature {
    private WebhookSignature() {
    }

    /** The header value for a body (what the tracker sends; used by tests and fake trackers). */
    public static String sign(byte[] secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    /** Whether {@code header} is the signature of {@code body} under {@code secret}. */
    public static boolean verify(byte[] secret, byte[] body, String header) {
        if (header == null || !header.startsWith("sha256=") || header.length() != 7 + 64) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(7).toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), given);
    }

    private static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The secret as the bytes both sides key the HMAC with (its UTF-8 text, as GitHub and Jira do). */
    public static byte[] key(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
