package org.gatehouse.cli;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.gatehouse.platform.crypto.RequestSignature;

/**
 * Signs requests for a token with a signing key (ADR 0012): a fresh 32-character nonce per request,
 * the time in epoch seconds, the body's SHA-256 and the HMAC over the canonical string.
 */
final class Signer {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Optional<String> keyId;
    private final Optional<byte[]> key;
    private final Clock clock;

    Signer(Optional<String> keyId, Optional<byte[]> key, Clock clock) {
        this.keyId = keyId;
        this.key = key;
        this.clock = clock;
    }

    /** The key from its base64 (or base64url) text, as the server showed it. */
    static byte[] decodeKey(String text) {
        String value = text.strip();
        byte[] key = value.contains("-") || value.contains("_") ? Base64.getUrlDecoder().decode(value.replace("=", ""))
                : Base64.getDecoder().decode(value);
        if (key.length < 16) {
            throw new IllegalArgumentException("the HMAC key is too short");
        }
        return key;
    }

    boolean signs() {
        return key.isPresent();
    }

    /** Adds the signature headers for a request to {@code uri} whose body has the given SHA-256 (hex). */
    void sign(HttpRequest.Builder request, String method, URI uri, String contentSha256) {
        if (key.isEmpty()) {
            return;
        }
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String canonical = RequestSignature.canonical(method, path, timestamp, nonce, contentSha256);
        request.header(RequestSignature.KEY_ID, keyId.orElseThrow())
                .header(RequestSignature.TIMESTAMP, timestamp)
                .header(RequestSignature.NONCE, nonce)
                .header(RequestSignature.CONTENT_SHA256, contentSha256)
                .header(RequestSignature.SIGNATURE, RequestSignature.sign(key.get(), canonical));
    }
}
